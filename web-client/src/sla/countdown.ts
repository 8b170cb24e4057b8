import type { SlaClockInfo, SlaClockName, SlaState, TicketSla } from '../api/types';
import { parseIsoDuration } from './isoDuration';

/** What a countdown shows, in the colours of the contract's SLA states. */
export type CountdownState = SlaState;

export interface ClockCountdown {
  clock: SlaClockName;
  state: CountdownState | 'STOPPED';
  /** Wall-clock due time (ms since the epoch) of a running clock. */
  dueAt: number | null;
  warnAt: number | null;
  /** To the due time for a running clock (negative when overdue); business time left for a paused one. */
  remainingMs: number | null;
  metAt: number | null;
}

export interface TicketCountdown {
  state: CountdownState | null;
  /** The clock shown: the running one due first, else the paused one with least time left. */
  clock: SlaClockName | null;
  dueAt: number | null;
  remainingMs: number | null;
}

export const CLOCK_ORDER: readonly SlaClockName[] = ['acknowledge', 'firstResponse', 'nextResponse', 'resolution'];

const time = (value: string | null | undefined): number | null => {
  if (typeof value !== 'string') return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
};

const LEGACY_FIELDS: readonly [SlaClockName, 'firstResponseDueAt' | 'nextResponseDueAt' | 'resolutionDueAt'][] = [
  ['firstResponse', 'firstResponseDueAt'],
  ['nextResponse', 'nextResponseDueAt'],
  ['resolution', 'resolutionDueAt'],
];

/**
 * The ticket's clocks. From `clocks` when the server sends them; otherwise (older servers) the due
 * fields of the contract stand for running clocks without a warning time, unless the whole SLA is paused or met.
 */
export function clocksOf(sla: TicketSla | null | undefined): SlaClockInfo[] {
  if (!sla) return [];
  if (Array.isArray(sla.clocks)) return sla.clocks.filter((entry) => entry && typeof entry.clock === 'string');
  if (sla.state === 'PAUSED' || sla.state === 'MET') return [];
  const clocks: SlaClockInfo[] = [];
  for (const [clock, field] of LEGACY_FIELDS) {
    const dueAt = sla[field];
    if (typeof dueAt === 'string') clocks.push({ clock, state: 'RUNNING', dueAt, warnAt: null, remaining: null, metAt: null });
  }
  return clocks;
}

const isRunning = (clock: SlaClockInfo) => (clock.state === 'RUNNING' || clock.state === 'BREACHED') && time(clock.dueAt) !== null;

/**
 * One clock at `now` (server time): a running clock is OK until its warning time, AT RISK from it,
 * BREACHED from its due time on; so it changes colour by itself as the page ticks.
 */
export function clockCountdown(info: SlaClockInfo, now: number): ClockCountdown {
  const dueAt = time(info.dueAt);
  const warnAt = time(info.warnAt);
  const metAt = time(info.metAt);
  const base = { clock: info.clock, dueAt, warnAt, metAt };
  if (isRunning(info) && dueAt !== null) {
    const remainingMs = dueAt - now;
    const state: CountdownState = remainingMs <= 0 ? 'BREACHED' : warnAt !== null && now >= warnAt ? 'AT_RISK' : 'OK';
    return { ...base, state, remainingMs };
  }
  switch (info.state) {
    case 'PAUSED':
      return { ...base, dueAt: null, warnAt: null, state: 'PAUSED', remainingMs: parseIsoDuration(info.remaining) };
    case 'MET':
      return { ...base, dueAt: null, warnAt: null, state: 'MET', remainingMs: null };
    default:
      return { ...base, dueAt: null, warnAt: null, state: 'STOPPED', remainingMs: null };
  }
}

/** Every clock of the ticket at `now`, in a fixed order (acknowledge, first response, next response, resolution). */
export function clockCountdowns(sla: TicketSla | null | undefined, now: number): ClockCountdown[] {
  return clocksOf(sla)
    .map((info) => clockCountdown(info, now))
    .sort((a, b) => CLOCK_ORDER.indexOf(a.clock) - CLOCK_ORDER.indexOf(b.clock));
}

const SEVERITY: Record<CountdownState, number> = { MET: 0, PAUSED: 0, OK: 1, AT_RISK: 2, BREACHED: 3 };

/**
 * The ticket's countdown at `now`: the running clock due first, in the state it has reached by now.
 * Without running clocks: PAUSED (with the least business time left), MET, or the server's state.
 * A server state more urgent than the derived one wins (an older server sends no warning times).
 */
export function ticketCountdown(sla: TicketSla | null | undefined, now: number): TicketCountdown {
  if (!sla) return { state: null, clock: null, dueAt: null, remainingMs: null };
  const clocks = clockCountdowns(sla, now);
  let next: ClockCountdown | null = null;
  for (const clock of clocks) {
    if (clock.dueAt === null || clock.state === 'STOPPED' || clock.state === 'PAUSED' || clock.state === 'MET') continue;
    if (!next || clock.dueAt < (next.dueAt as number)) next = clock;
  }
  if (next && next.state !== 'STOPPED') {
    const state = sla.state !== 'PAUSED' && sla.state !== 'MET' && SEVERITY[sla.state] > SEVERITY[next.state] ? sla.state : next.state;
    return { state, clock: next.clock, dueAt: next.dueAt, remainingMs: next.remainingMs };
  }
  const paused = clocks.filter((clock) => clock.state === 'PAUSED');
  if (paused.length > 0 || sla.state === 'PAUSED') {
    const least = paused.reduce<ClockCountdown | null>(
      (best, clock) => (clock.remainingMs !== null && (best?.remainingMs == null || clock.remainingMs < best.remainingMs) ? clock : best),
      null,
    );
    return { state: 'PAUSED', clock: least?.clock ?? null, dueAt: null, remainingMs: least?.remainingMs ?? null };
  }
  return { state: sla.state, clock: null, dueAt: null, remainingMs: null };
}

/**
 * The soonest due time of a running clock (ms), what the server sorts `sort=due` by: its `nextDueAt`
 * when sent, else worked out from the clocks. Null when no clock runs.
 */
export function nextDueTime(sla: TicketSla | null | undefined): number | null {
  if (!sla) return null;
  if (sla.nextDueAt !== undefined) return time(sla.nextDueAt);
  let best: number | null = null;
  for (const clock of clocksOf(sla)) {
    if (!isRunning(clock)) continue;
    const due = time(clock.dueAt) as number;
    if (best === null || due < best) best = due;
  }
  return best;
}
