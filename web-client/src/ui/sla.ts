import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/language';
import type { TicketSla } from '../api/types';
import { formatCountdown } from './time';

export type SlaClock = 'firstResponse' | 'nextResponse' | 'resolution';
export type SlaTone = 'ok' | 'risk' | 'breached' | 'paused' | 'met' | 'none';

export interface SlaDueView {
  tone: SlaTone;
  /** What to show in a cell: `in 14m`, `2h 5m overdue`, `Paused`, `Met`, `No SLA`. */
  text: string;
  /** The clock that is due next, when one runs. */
  clock?: SlaClock;
  dueAt?: string;
}

export const SLA_CLOCKS: readonly { clock: SlaClock; field: keyof TicketSla; label: MessageKey }[] = [
  { clock: 'firstResponse', field: 'firstResponseDueAt', label: 'sla.clock.firstResponse' },
  { clock: 'nextResponse', field: 'nextResponseDueAt', label: 'sla.clock.nextResponse' },
  { clock: 'resolution', field: 'resolutionDueAt', label: 'sla.clock.resolution' },
];

/** The running clock that falls due first, or null when no due time is set. */
export function nextDue(sla: TicketSla | null | undefined): { clock: SlaClock; dueAt: string } | null {
  if (!sla) return null;
  let best: { clock: SlaClock; dueAt: string; time: number } | null = null;
  for (const { clock, field } of SLA_CLOCKS) {
    const dueAt = sla[field];
    if (typeof dueAt !== 'string') continue;
    const time = Date.parse(dueAt);
    if (Number.isNaN(time)) continue;
    if (!best || time < best.time) best = { clock, dueAt, time };
  }
  return best && { clock: best.clock, dueAt: best.dueAt };
}

/** Relative text for one due time: `in 14m 05s`, `in 3h 5m` or `3h overdue`; seconds under an hour, so it ticks. */
export function relativeDue(dueAt: string, now: number, t: Translate): { text: string; overdue: boolean } {
  const delta = Date.parse(dueAt) - now;
  const duration = formatCountdown(delta, t);
  return delta < 0 ? { text: t('sla.overdue', { duration }), overdue: true } : { text: t('sla.dueIn', { duration }), overdue: false };
}

/** How a ticket's SLA reads in a list: the next due clock, relative to `now`, with a tone for colour. */
export function slaDueView(sla: TicketSla | null | undefined, now: number, t: Translate): SlaDueView {
  if (!sla) return { tone: 'none', text: t('sla.none') };
  if (sla.state === 'MET') return { tone: 'met', text: t('sla.state.MET') };
  if (sla.state === 'PAUSED') return { tone: 'paused', text: t('sla.state.PAUSED') };
  const due = nextDue(sla);
  if (!due) return { tone: sla.state === 'BREACHED' ? 'breached' : 'none', text: t(`sla.state.${sla.state}`) };
  const { text, overdue } = relativeDue(due.dueAt, now, t);
  const tone: SlaTone = overdue || sla.state === 'BREACHED' ? 'breached' : sla.state === 'AT_RISK' ? 'risk' : 'ok';
  return { tone, text, clock: due.clock, dueAt: due.dueAt };
}
