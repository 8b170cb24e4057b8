import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { incidentsHref, listHref, slaHref, ticketHref, type Route } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/language';
import { isUrgent, type SlaAlert } from './alerts';
import { formatCountdown } from './format';
import { useServerNow } from './ServerClockProvider';
import { CLOCK_LABELS } from './SlaCountdown';
import type { SlaConsole } from './useSlaConsole';
import './sla.css';

/**
 * Tickets, the P1 war room (with the number of open P1s) and, for supervisors, SLA settings; then any
 * other sections the console adds (`children`, links).
 */
export function ConsoleNav({ route, user, openP1, children }: { route: Route; user: User; openP1: number; children?: ReactNode }) {
  const t = useT();
  const current = (name: Route['name']) => (route.name === name || (name === 'list' && route.name === 'ticket') ? 'page' : undefined);
  return (
    <nav className="console-nav" aria-label={t('nav.label')}>
      <a href={listHref} aria-current={current('list')} data-testid="nav-tickets">
        {t('nav.tickets')}
      </a>
      <a href={incidentsHref} aria-current={current('incidents')} data-testid="nav-war-room">
        {t('nav.warRoom')}
        {openP1 > 0 && (
          <span className="nav-count" data-testid="open-p1-count">
            {openP1}
          </span>
        )}
      </a>
      {user.role === 'SUPERVISOR' && (
        <a href={slaHref()} aria-current={current('sla')} data-testid="nav-sla-settings">
          {t('nav.slaSettings')}
        </a>
      )}
      {children}
    </nav>
  );
}

/** The red line across the console when a P1 opens: which one, and the way to the war room. */
export function P1Banner({ sla, route }: { sla: SlaConsole; route: Route }) {
  const t = useT();
  const first = sla.newP1[0];
  if (!first || route.name === 'incidents') return null;
  const more = sla.newP1.length - 1;
  return (
    <div className="p1-banner" role="alert" data-testid="p1-banner">
      <span className="p1-banner-text">
        {t('warRoom.banner', { number: first.ticket.number, subject: first.ticket.subject })}
        {more > 0 && ` ${t('warRoom.bannerMore', { count: more })}`}
      </span>
      <a
        className="button button-small"
        href={incidentsHref}
        data-testid="p1-banner-open"
        onClick={(event) => {
          // the banner goes with the click: navigate here, as a link that leaves the page cannot
          event.preventDefault();
          window.location.hash = incidentsHref;
          sla.dismissNewP1();
        }}
      >
        {t('warRoom.bannerOpen')}
      </a>
      <button type="button" className="button button-small" onClick={sla.dismissNewP1} data-testid="p1-banner-dismiss">
        {t('warRoom.bannerDismiss')}
      </button>
    </div>
  );
}

const clockName = (clock: string | null, t: Translate) =>
  clock && clock in CLOCK_LABELS ? t(CLOCK_LABELS[clock as keyof typeof CLOCK_LABELS]) : (clock ?? '');

/** The headline of an alert: `At risk: First response`, `Breached: Resolution`, `New P1`. */
export function alertTitle(alert: SlaAlert, t: Translate): string {
  switch (alert.type) {
    case 'sla.warning':
      return t('alerts.sla.warning', { clock: clockName(alert.clock, t) });
    case 'sla.breached':
      return t('alerts.sla.breached', { clock: clockName(alert.clock, t) });
    default:
      switch (alert.reason) {
        case 'p1-opened':
          return t('alerts.reason.p1-opened');
        case 'p1-unacknowledged':
          return t('alerts.reason.p1-unacknowledged');
        case 'breach':
          return t('alerts.reason.breach');
        default:
          return t('alerts.sla.escalated');
      }
  }
}

function AlertToast({ alert, now, onOpen, onDismiss }: { alert: SlaAlert; now: number; onOpen: () => void; onDismiss: () => void }) {
  const t = useT();
  const ticket = alert.ticket;
  // warnings and breaches count down to (or past) the clock's due time; an escalation is news, not a clock
  const due = alert.dueAt && alert.type !== 'sla.escalated' ? Date.parse(alert.dueAt) : NaN;
  const label = ticket ? t('alerts.open', { number: ticket.number, subject: ticket.subject }) : ticketHref(alert.ticketId);
  return (
    <li className="sla-toast" data-testid="sla-alert" data-type={alert.type} data-ticket-id={alert.ticketId} data-urgent={isUrgent(alert)}>
      <button type="button" className="sla-toast-body" onClick={onOpen} aria-label={`${alertTitle(alert, t)}. ${label}`}>
        <span className="sla-toast-title">
          {alertTitle(alert, t)}
          {Number.isFinite(due) && (
            <>
              {' · '}
              <time className="sla sla-countdown" dateTime={alert.dueAt ?? undefined}>
                {formatCountdown(due - now, t)}
              </time>
            </>
          )}
        </span>
        {ticket && (
          <span className="sla-toast-ticket">
            #{ticket.number} {ticket.subject}
          </span>
        )}
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onDismiss} aria-label={t('alerts.dismiss')} data-testid="sla-alert-dismiss">
        ×
      </button>
    </li>
  );
}

/**
 * SLA alerts as notifications in the corner, newest on top: a click opens the ticket (and dismisses
 * the alert), × dismisses it. Each shows the clock's countdown, ticking.
 */
export function SlaAlertToasts({ sla, navigate }: { sla: SlaConsole; navigate?: (href: string) => void }) {
  const t = useT();
  const now = useServerNow();
  const go = navigate ?? ((href: string) => (window.location.hash = href));
  const latest = sla.alerts[0];
  return (
    <section aria-label={t('alerts.region')} data-testid="sla-alerts">
      {/* the newest alert is announced once; the list itself ticks every second and must not be live */}
      <p className="visually-hidden" role="status">
        {latest ? `${alertTitle(latest, t)}${latest.ticket ? ` · #${latest.ticket.number} ${latest.ticket.subject}` : ''}` : ''}
      </p>
      <ol className="sla-toasts">
        {sla.alerts.map((alert) => (
          <AlertToast
            key={alert.key}
            alert={alert}
            now={now}
            onOpen={() => {
              sla.dismissAlert(alert.key);
              go(ticketHref(alert.ticketId));
            }}
            onDismiss={() => sla.dismissAlert(alert.key)}
          />
        ))}
        {sla.alerts.length > 1 && (
          <li className="sla-toasts-all">
            <button type="button" className="button button-small" onClick={sla.dismissAllAlerts} data-testid="sla-alerts-dismiss-all">
              {t('alerts.dismissAll')}
            </button>
          </li>
        )}
      </ol>
    </section>
  );
}

/** A speaker, with waves when on and crossed out when off (drawn, so it needs no emoji font). */
function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" />
      {on ? <path d="M11 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6 6 0 0 1 0 9" /> : <path d="M11 6l4 4M15 6l-4 4" />}
    </svg>
  );
}

/** The header's switch for the alert sound (remembered in this browser). */
export function SoundToggle({ sla }: { sla: SlaConsole }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-small sound-toggle"
      aria-pressed={sla.soundOn}
      title={t('alerts.sound')}
      data-testid="sound-toggle"
      onClick={() => sla.setSoundOn(!sla.soundOn)}
    >
      <SpeakerIcon on={sla.soundOn} /> {sla.soundOn ? t('alerts.soundOn') : t('alerts.soundOff')}
    </button>
  );
}
