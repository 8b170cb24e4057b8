import './assist.css';
import { useMemo, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import type { AssistScope, Ticket, User } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import type { TicketStream } from '../tickets/ticketStream';
import { ErrorBanner } from '../ui/ErrorBanner';
import type { AssistSessionView } from '../webrtc/assistState';
import { createAssistApi } from './assistApi';
import { AssistViewer } from './AssistViewer';
import { Countdown } from './Countdown';
import { useAgentLink } from './useAgentLink';
import { ScopeChoice } from './ScopeChoice';
import { useTicketAssist } from './useTicketAssist';

const FINISHED_TICKET = new Set(['SOLVED', 'CLOSED']);
const MAX_REASON = 500;

/**
 * Remote assistance on a ticket, for the agent: "Ask to see the screen" with a reason and scopes, the
 * live state of the request (from the ticket's `assist.*` events), and once the customer consented
 * the viewer (joined at once) with End.
 */
export function AssistPanel({ api, ticket, stream, user }: { api: ApiClient; ticket: Ticket; stream: TicketStream | null; user: User }) {
  const t = useT();
  const assistApi = useMemo(() => createAssistApi(api), [api]);
  const assist = useTicketAssist(assistApi, ticket.id, stream);
  const { live, latest } = assist;
  // only the session's own agent joins; a supervisor or colleague on the ticket sees its state (and may end it)
  const link = useAgentLink(assistApi, live && live.agentId === user.id ? live : null);
  const mine = !!live && live.agentId === user.id;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [scopes, setScopes] = useState<AssistScope[]>(['view', 'pointer']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      assist.apply(await assistApi.request(ticket.id, scopes, reason.trim()));
      setAsking(false);
      setReason('');
    } catch (failure) {
      if (isApiError(failure) && failure.status === 409) assist.reload();
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const end = async (session: AssistSessionView) => {
    setBusy(true);
    setError(null);
    link.view?.stop();
    try {
      assist.apply(await assistApi.end(session.id));
    } catch (failure) {
      setError(failure);
      assist.reload();
    } finally {
      setBusy(false);
    }
  };

  const closedTicket = FINISHED_TICKET.has(ticket.status);
  const customer = live?.customerName ?? ticket.customer?.displayName ?? '';

  return (
    <section className="panel assist-panel" aria-labelledby="assist-title" data-testid="assist-panel">
      <h2 id="assist-title" className="panel-title">
        {t('assist.title')}
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {live ? (
        <div className="assist-live" data-testid="assist-state" data-state={live.state} data-session-id={live.id}>
          <p className="assist-state-line" role="status">
            {live.state === 'REQUESTED'
              ? assist.shown.has(live.id) || live.shownAt
                ? t('assist.agent.shown', { name: customer })
                : t('assist.agent.waiting', { name: customer })
              : mine
                ? t(`assist.agent.link.${link.state.phase}`, { name: customer })
                : t('assist.agent.othersSession', { agent: live.agentName ?? '', name: customer })}
          </p>
          {live.state === 'REQUESTED' && <Countdown expiresAt={live.expiresAt} skewMs={assist.skewMs} testId="assist-request-countdown" />}
          <p className="muted assist-reason">{t('assist.reasonShown', { reason: live.reason })}</p>
          <p className="muted">
            {t(live.state === 'REQUESTED' ? 'assist.requestedScopes' : 'assist.grantedScopes', {
              scopes: (live.state === 'REQUESTED' ? live.requestedScopes : link.state.grantedScopes.length ? link.state.grantedScopes : live.grantedScopes)
                .map((scope) => t(`assist.scope.${scope}`))
                .join(', '),
            })}
          </p>
          {link.joinError !== null && <ErrorBanner error={link.joinError} onRetry={link.rejoin} />}
          {link.state.phase === 'closed' && link.state.closedBy === 'lost' && (
            <button type="button" className="button button-small" onClick={link.rejoin}>
              {t('assist.reconnect')}
            </button>
          )}
          {/* the server lets the session's agent or a supervisor end it, not a colleague */}
          {(mine || user.role === 'SUPERVISOR') && (
            <button type="button" className="button button-danger" data-testid="assist-end" disabled={busy} onClick={() => void end(live)}>
              {live.state === 'REQUESTED' ? t('assist.cancelRequest') : t('assist.end')}
            </button>
          )}
        </div>
      ) : (
        <>
          {latest && (
            <p className="muted" data-testid="assist-state" data-state={latest.state} data-session-id={latest.id}>
              {t(`assist.outcome.${latest.state}`, { name: latest.customerName ?? ticket.customer?.displayName ?? '' })}
            </p>
          )}
          {closedTicket ? (
            <p className="muted">{t('assist.ticketClosed')}</p>
          ) : asking ? (
            <form className="assist-request" onSubmit={(event) => void submit(event)} data-testid="assist-request-form">
              <label htmlFor="assist-reason">{t('assist.reason')}</label>
              <textarea
                id="assist-reason"
                data-testid="assist-reason"
                required
                maxLength={MAX_REASON}
                rows={2}
                value={reason}
                placeholder={t('assist.reasonPlaceholder')}
                onChange={(event) => setReason(event.target.value)}
              />
              <ScopeChoice name="assist-request-scope" value={scopes} onChange={setScopes} />
              <div className="assist-buttons">
                <button type="submit" className="button button-primary" data-testid="assist-send-request" disabled={busy || !reason.trim()}>
                  {t('assist.sendRequest')}
                </button>
                <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
                  {t('assist.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className="button" data-testid="assist-ask" onClick={() => setAsking(true)}>
              {t('assist.ask')}
            </button>
          )}
        </>
      )}
      {live && mine && link.view && (live.state === 'CONSENTED' || live.state === 'ACTIVE') && (
        <AssistViewer session={live} link={link} customerName={customer} ticketNumber={ticket.number} busy={busy} onEnd={() => void end(live)} />
      )}
    </section>
  );
}
