import type { Ticket } from '../api/types';
import type { Language, Translate } from '../i18n/language';
import { clocksOf } from './countdown';

const WAITING_ON_SUPPORT = new Set(['NEW', 'OPEN', 'ON_HOLD']);

/**
 * When support owes the customer an answer: the due time of the running first- or next-response
 * clock (the soonest), or null when none runs (answered, waiting on the customer, solved).
 */
export function responseDueAt(ticket: Ticket): number | null {
  if (!WAITING_ON_SUPPORT.has(ticket.status)) return null;
  let best: number | null = null;
  for (const clock of clocksOf(ticket.sla)) {
    if (clock.clock !== 'firstResponse' && clock.clock !== 'nextResponse') continue;
    if (clock.state !== 'RUNNING' && clock.state !== 'BREACHED') continue;
    const due = clock.dueAt ? Date.parse(clock.dueAt) : NaN;
    if (Number.isFinite(due) && (best === null || due < best)) best = due;
  }
  return best;
}

const sameLocalDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * The customer's line: "We will respond by 14:30 today." / "… by Tue, 24 Nov, 09:00." in their local
 * time, or "as soon as possible" once the time has passed. No SLA terms, no internal states.
 */
export function respondByText(dueAt: number, now: number, language: Language, t: Translate): string {
  if (dueAt <= now) return t('portal.respondSoon');
  const due = new Date(dueAt);
  if (sameLocalDay(due, new Date(now))) {
    return t('portal.respondByToday', { time: new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(due) });
  }
  const time = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(due);
  return t('portal.respondBy', { time });
}
