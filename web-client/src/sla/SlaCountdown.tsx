import type { TicketSla } from '../api/types';
import { CLOCK_NAMES } from './clockNames';
import { useLanguage, useT } from '../i18n/I18nProvider';
import type { Language, Translate } from '../i18n/language';
import { formatDateTime } from '../ui/time';
import { clockCountdowns, ticketCountdown, type ClockCountdown, type CountdownState } from './countdown';
import { formatCountdown, formatSpan } from './format';
import { useServerNow } from './ServerClockProvider';
import './sla.css';

export const CLOCK_LABELS = CLOCK_NAMES;

/** CSS class of a state: `sla-ok`, `sla-at-risk`, `sla-breached`, `sla-paused`, `sla-met`. */
export const stateClass = (state: CountdownState | 'STOPPED' | null): string => `sla-${(state ?? 'none').toLowerCase().replace('_', '-')}`;

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/** What a running, paused or met clock reads as: `12m 05s`, `-3m 10s`, `Paused · 4m 00s left`, `Met`. */
function countdownText(state: CountdownState | 'STOPPED' | null, remainingMs: number | null, t: Translate): string {
  switch (state) {
    case 'OK':
    case 'AT_RISK':
    case 'BREACHED':
      return remainingMs === null ? t(`sla.state.${state}`) : formatCountdown(remainingMs, t);
    case 'PAUSED':
      return remainingMs === null ? t('sla.state.PAUSED') : `${t('sla.state.PAUSED')} · ${t('sla.countdown.left', { time: formatSpan(remainingMs, t) })}`;
    case 'MET':
      return t('sla.state.MET');
    case 'STOPPED':
      return t('sla.countdown.stopped');
    default:
      return t('sla.none');
  }
}

/**
 * A ticket's live countdown to its next due time (list rows): colour and `data-state` follow the clock
 * as it ticks (OK, AT_RISK, BREACHED), or PAUSED / MET. `now` fixes the time (tests); otherwise it is
 * the server's time on the page's shared 1 s ticker.
 */
export function SlaCountdown({ sla, now: fixedNow }: { sla: TicketSla | null | undefined; now?: number | undefined }) {
  const t = useT();
  const [language] = useLanguage();
  const ticking = useServerNow();
  const now = fixedNow ?? ticking;
  const view = ticketCountdown(sla, now);
  const text = countdownText(view.state, view.remainingMs, t);
  const dueAt = iso(view.dueAt);
  const title =
    dueAt && view.clock
      ? t('sla.countdown.due', { clock: t(CLOCK_LABELS[view.clock]), dueAt: formatDateTime(dueAt, language) })
      : view.state
        ? t(`sla.state.${view.state}`)
        : undefined;
  return (
    <time
      className={`sla sla-countdown ${stateClass(view.state)}`}
      data-testid="sla-countdown"
      data-state={view.state ?? 'NONE'}
      data-clock={view.clock ?? undefined}
      dateTime={dueAt}
      title={title}
    >
      {text}
    </time>
  );
}

/** The ticket's SLA state as it is now (ticking: turns AT RISK and BREACHED by itself). */
export function SlaStateLabel({ sla, now: fixedNow }: { sla: TicketSla; now?: number | undefined }) {
  const t = useT();
  const ticking = useServerNow();
  const state = ticketCountdown(sla, fixedNow ?? ticking).state ?? sla.state;
  return (
    <span className={`sla sla-state ${stateClass(state)}`} data-testid="sla-state" data-state={state}>
      {t(`sla.state.${state}`)}
    </span>
  );
}

function ClockRow({ clock, language, t }: { clock: ClockCountdown; language: Language; t: Translate }) {
  const dueAt = iso(clock.dueAt);
  const metAt = iso(clock.metAt);
  const when = clock.state === 'MET' ? metAt : dueAt;
  return (
    <li className="sla-clock" data-testid="sla-clock" data-clock={clock.clock} data-state={clock.state}>
      <span className="sla-clock-name">{t(CLOCK_LABELS[clock.clock])}</span>
      <time
        className={`sla sla-countdown ${stateClass(clock.state)}`}
        dateTime={when}
        title={clock.state === 'MET' && metAt ? t('sla.countdown.metAt', { at: formatDateTime(metAt, language) }) : undefined}
      >
        {countdownText(clock.state, clock.remainingMs, t)}
      </time>
      {when && <span className="sla-clock-detail muted">{formatDateTime(when, language)}</span>}
    </li>
  );
}

/** Every clock of a ticket (detail view), each with its own live countdown and state. */
export function SlaClockList({ sla, now: fixedNow }: { sla: TicketSla | null | undefined; now?: number | undefined }) {
  const t = useT();
  const [language] = useLanguage();
  const ticking = useServerNow();
  const clocks = clockCountdowns(sla, fixedNow ?? ticking);
  if (clocks.length === 0) return null;
  return (
    <ul className="sla-clocks" aria-label={t('sla.clocks')} data-testid="sla-clocks">
      {clocks.map((clock) => (
        <ClockRow key={clock.clock} clock={clock} language={language} t={t} />
      ))}
    </ul>
  );
}
