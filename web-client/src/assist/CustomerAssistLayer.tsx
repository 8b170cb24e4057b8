import './assist.css';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AssistScope } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import type { Translate } from '../i18n/language';
import { currentGeometry, sharedToViewport } from '../webrtc/pointer';
import { Countdown } from './Countdown';
import { MarksLayer } from './MarksLayer';
import { ScopeChoice } from './ScopeChoice';
import type { CobrowseToast, CustomerAssist } from './useCustomerAssist';

/**
 * Everything the customer sees of remote assistance, over whatever portal page is open: the consent
 * dialog, the persistent sharing bar with Stop, the agent's pointer marks, what co-browse did, and the
 * end notice. All of it is marked data-assist-ui, so co-browse can never operate it.
 */
export function CustomerAssistLayer({ assist }: { assist: CustomerAssist }) {
  return createPortal(
    <div className="assist-layer" data-assist-ui="">
      {assist.request && <ConsentDialog key={assist.request.id} assist={assist} />}
      {assist.sharing && <SharingBar assist={assist} />}
      {!assist.sharing && assist.paused && <PausedBar assist={assist} />}
      {assist.sharing && <PointerOverlay assist={assist} />}
      <CobrowseToasts toasts={assist.toasts} />
      {assist.notice && <EndNoticeBar assist={assist} />}
      {!assist.request && assist.problem !== null && <ProblemBar assist={assist} />}
    </div>,
    document.body,
  );
}

function problemText(problem: unknown, t: Translate): string | null {
  return problem === 'cancelled' ? t('assist.customer.pickerCancelled') : null;
}

function ConsentDialog({ assist }: { assist: CustomerAssist }) {
  const t = useT();
  const request = assist.request!;
  const [scopes, setScopes] = useState<AssistScope[]>(request.requestedScopes.length ? request.requestedScopes : ['view']);
  const allowRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => allowRef.current?.focus(), []);
  const agent = request.agentName ?? t('assist.customer.anAgent');
  return (
    <div className="assist-backdrop">
      <div className="assist-dialog panel" role="alertdialog" aria-modal="true" aria-labelledby="assist-dialog-title" aria-describedby="assist-dialog-body" data-testid="assist-consent-dialog" data-session-id={request.id}>
        <h2 id="assist-dialog-title">{t('assist.customer.dialogTitle', { name: agent })}</h2>
        <div id="assist-dialog-body">
          <p>
            {request.ticketNumber !== undefined
              ? t('assist.customer.dialogTicket', { name: agent, number: request.ticketNumber })
              : t('assist.customer.dialogNoTicket', { name: agent })}
          </p>
          <blockquote className="assist-dialog-reason" data-testid="assist-consent-reason">
            {request.reason}
          </blockquote>
          <ScopeChoice name="assist-consent-scope" offered={request.requestedScopes.length ? request.requestedScopes : ['view']} value={scopes} onChange={setScopes} disabled={assist.busy} />
          <p className="muted">{t('assist.customer.privacy')}</p>
          <p>
            <Countdown expiresAt={request.expiresAt} skewMs={assist.skewMs} testId="assist-consent-countdown" />
          </p>
        </div>
        {assist.problem !== null && <ErrorBanner error={assist.problem === 'cancelled' ? null : assist.problem} message={problemText(assist.problem, t)} onDismiss={assist.dismissProblem} />}
        <div className="assist-buttons">
          <button ref={allowRef} type="button" className="button button-primary" data-testid="assist-consent-allow" disabled={assist.busy} aria-busy={assist.busy} onClick={() => void assist.allow(scopes)}>
            {assist.busy ? t('assist.customer.starting') : t('assist.customer.allow')}
          </button>
          <button type="button" className="button" data-testid="assist-consent-decline" disabled={assist.busy} onClick={() => void assist.decline()}>
            {t('assist.customer.decline')}
          </button>
        </div>
      </div>
    </div>
  );
}

function SharingBar({ assist }: { assist: CustomerAssist }) {
  const t = useT();
  const { session, link } = assist.sharing!;
  const agent = session.agentName ?? t('assist.customer.anAgent');
  const scopes = link.grantedScopes.length ? link.grantedScopes : session.grantedScopes;
  return (
    <div className="assist-bar" role="region" aria-label={t('assist.customer.barLabel')} data-testid="assist-sharing-bar" data-phase={link.phase}>
      <span className="assist-bar-dot" aria-hidden="true" />
      <span className="assist-bar-text">
        <strong>{t('assist.customer.sharingWith', { name: agent })}</strong>{' '}
        <span data-testid="assist-watching" data-watching={link.peerPresent ? 'yes' : 'no'} role="status">
          {link.peerPresent ? t('assist.customer.watching', { name: agent }) : t('assist.customer.waitingFor', { name: agent })}
        </span>
      </span>
      {scopes
        .filter((scope) => scope !== 'view')
        .map((scope) => (
          <button key={scope} type="button" className="button button-small button-quiet" data-testid={`assist-narrow-${scope}`} onClick={() => void assist.narrow(scope)}>
            {t('assist.customer.turnOff', { scope: t(`assist.scope.${scope}`) })}
          </button>
        ))}
      <button type="button" className="button button-small button-danger" data-testid="assist-stop" onClick={() => void assist.stop()}>
        {t('assist.customer.stop')}
      </button>
    </div>
  );
}

function PausedBar({ assist }: { assist: CustomerAssist }) {
  const t = useT();
  const session = assist.paused!;
  const agent = session.agentName ?? t('assist.customer.anAgent');
  return (
    <div className="assist-bar paused" role="region" aria-label={t('assist.customer.barLabel')} data-testid="assist-paused-bar">
      <span className="assist-bar-text">{t('assist.customer.paused', { name: agent })}</span>
      <button type="button" className="button button-small button-primary" disabled={assist.busy} onClick={() => void assist.resume()}>
        {t('assist.customer.resume')}
      </button>
      <button type="button" className="button button-small button-danger" data-testid="assist-stop" onClick={() => void assist.stopPaused()}>
        {t('assist.customer.stop')}
      </button>
    </div>
  );
}

function useViewportTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((value) => value + 1);
    window.addEventListener('resize', bump);
    return () => window.removeEventListener('resize', bump);
  }, []);
  return tick;
}

function PointerOverlay({ assist }: { assist: CustomerAssist }) {
  useViewportTick();
  const { sharing } = assist;
  const agent = sharing?.session.agentName ?? '';
  const geometry = currentGeometry(sharing?.surface);
  const origin = sharedToViewport(0, 0, geometry);
  const far = sharedToViewport(1, 1, geometry);
  const box = { left: origin.x, top: origin.y, width: far.x - origin.x, height: far.y - origin.y };
  return (
    <div className="assist-overlay" data-testid="assist-pointer-overlay">
      <MarksLayer marks={assist.marks} box={box} width={geometry.innerWidth} height={geometry.innerHeight} testId="assist-customer-marks" label={agent} />
    </div>
  );
}

function toastText(toast: CobrowseToast, t: Translate): string {
  const name = toast.agentName || t('assist.customer.anAgent');
  const { outcome } = toast;
  if (!outcome.applied) return t(`assist.cobrowse.refused.${outcome.why}`, { name });
  switch (outcome.action) {
    case 'click':
      return t('assist.cobrowse.clicked', { name, target: outcome.label });
    case 'scroll':
      return t('assist.cobrowse.scrolled', { name });
    case 'input':
      return t('assist.cobrowse.typed', { name, target: outcome.label });
    case 'key':
      return outcome.key === 'Tab' ? t('assist.cobrowse.moved', { name, target: outcome.label }) : t('assist.cobrowse.typed', { name, target: outcome.label });
    default:
      return '';
  }
}

function CobrowseToasts({ toasts }: { toasts: CobrowseToast[] }) {
  const t = useT();
  return (
    <>
      {toasts.map((toast) =>
        toast.rect ? (
          <div
            key={`h${toast.id}`}
            className={`assist-highlight${toast.outcome.applied ? '' : ' refused'}`}
            data-testid="assist-highlight"
            style={{ left: toast.rect.left - 3, top: toast.rect.top - 3, width: toast.rect.width + 6, height: toast.rect.height + 6 }}
          />
        ) : null,
      )}
      <ul className="assist-toasts" aria-live="polite">
        {toasts.map((toast) => (
          <li key={toast.id} className={`assist-toast${toast.outcome.applied ? '' : ' refused'}`} data-testid="assist-cobrowse-toast" data-applied={toast.outcome.applied ? 'yes' : 'no'}>
            {toastText(toast, t)}
          </li>
        ))}
      </ul>
    </>
  );
}

function EndNoticeBar({ assist }: { assist: CustomerAssist }) {
  const t = useT();
  const notice = assist.notice!;
  const name = notice.agentName || t('assist.customer.anAgent');
  return (
    <div className="assist-bar ended" role="status" data-testid="assist-end-notice" data-kind={notice.kind}>
      <span className="assist-bar-text">{t(`assist.customer.ended.${notice.kind}`, { name })}</span>
      <button type="button" className="button button-small button-quiet" onClick={assist.dismissNotice} aria-label={t('error.dismiss')}>
        ×
      </button>
    </div>
  );
}

function ProblemBar({ assist }: { assist: CustomerAssist }) {
  const t = useT();
  return (
    <div className="assist-bar problem">
      <ErrorBanner error={assist.problem === 'cancelled' ? null : assist.problem} message={problemText(assist.problem, t)} onDismiss={assist.dismissProblem} />
    </div>
  );
}
