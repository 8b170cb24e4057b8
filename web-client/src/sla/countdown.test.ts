import { describe, expect, it } from 'vitest';
import type { SlaClockInfo, TicketSla } from '../api/types';
import { clockCountdown, clockCountdowns, clocksOf, nextDueTime, ticketCountdown } from './countdown';

const T0 = Date.parse('2026-11-22T08:00:00Z');
const at = (iso: string) => Date.parse(iso);
const S = 1_000;
const M = 60 * S;

const running = (clock: SlaClockInfo['clock'], dueAt: string, warnAt: string | null): SlaClockInfo => ({
  clock,
  state: 'RUNNING',
  dueAt,
  warnAt,
  remaining: null,
  metAt: null,
});

const engineSla = (clocks: SlaClockInfo[], overrides: Partial<TicketSla> = {}): TicketSla => ({
  policy: 'P1',
  state: 'OK',
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  clocks,
  ...overrides,
});

describe('clockCountdown', () => {
  const firstResponse = running('firstResponse', '2026-11-22T08:15:00Z', '2026-11-22T08:11:15Z');

  it('turns AT RISK at the warning time and BREACHED at the due time, by itself', () => {
    expect(clockCountdown(firstResponse, T0)).toMatchObject({ state: 'OK', remainingMs: 15 * M });
    expect(clockCountdown(firstResponse, at('2026-11-22T08:11:14.999Z')).state).toBe('OK');
    expect(clockCountdown(firstResponse, at('2026-11-22T08:11:15Z')).state).toBe('AT_RISK');
    expect(clockCountdown(firstResponse, at('2026-11-22T08:14:59.999Z')).state).toBe('AT_RISK');
    expect(clockCountdown(firstResponse, at('2026-11-22T08:15:00Z'))).toMatchObject({ state: 'BREACHED', remainingMs: 0 });
    expect(clockCountdown(firstResponse, at('2026-11-22T08:18:10Z'))).toMatchObject({ state: 'BREACHED', remainingMs: -(3 * M + 10 * S) });
  });

  it('counts a clock the server already calls BREACHED as running past due', () => {
    const breached = { ...firstResponse, state: 'BREACHED' as const };
    expect(clockCountdown(breached, at('2026-11-22T08:20:00Z'))).toMatchObject({ state: 'BREACHED', remainingMs: -5 * M });
  });

  it('has no warning time on an older server: OK until due', () => {
    expect(clockCountdown({ ...firstResponse, warnAt: null }, at('2026-11-22T08:14:00Z')).state).toBe('OK');
  });

  it('shows the business time left of a paused clock, and met and stopped clocks', () => {
    const paused: SlaClockInfo = { clock: 'resolution', state: 'PAUSED', dueAt: null, warnAt: null, remaining: 'PT2H10M', metAt: null };
    expect(clockCountdown(paused, T0)).toMatchObject({ state: 'PAUSED', remainingMs: 130 * M, dueAt: null });
    const met: SlaClockInfo = { clock: 'firstResponse', state: 'MET', dueAt: null, warnAt: null, remaining: null, metAt: '2026-11-22T08:05:00Z' };
    expect(clockCountdown(met, T0)).toMatchObject({ state: 'MET', metAt: at('2026-11-22T08:05:00Z') });
    expect(clockCountdown({ ...met, state: 'STOPPED', metAt: null }, T0).state).toBe('STOPPED');
  });
});

describe('clocksOf', () => {
  it('reads the contract fields of an older server as running clocks', () => {
    const legacy: TicketSla = {
      policy: 'P2',
      state: 'OK',
      firstResponseDueAt: '2026-11-22T09:00:00Z',
      nextResponseDueAt: null,
      resolutionDueAt: '2026-11-22T16:00:00Z',
    };
    expect(clocksOf(legacy).map((clock) => [clock.clock, clock.state, clock.dueAt])).toEqual([
      ['firstResponse', 'RUNNING', '2026-11-22T09:00:00Z'],
      ['resolution', 'RUNNING', '2026-11-22T16:00:00Z'],
    ]);
    expect(clocksOf({ ...legacy, state: 'PAUSED' })).toEqual([]);
    expect(clocksOf(null)).toEqual([]);
  });

  it('orders the clocks: acknowledge, first response, next response, resolution', () => {
    const sla = engineSla([
      running('resolution', '2026-11-22T12:00:00Z', null),
      running('acknowledge', '2026-11-22T08:15:00Z', null),
      running('firstResponse', '2026-11-22T08:15:00Z', null),
    ]);
    expect(clockCountdowns(sla, T0).map((clock) => clock.clock)).toEqual(['acknowledge', 'firstResponse', 'resolution']);
  });
});

describe('ticketCountdown', () => {
  const sla = engineSla([
    running('firstResponse', '2026-11-22T08:15:00Z', '2026-11-22T08:11:15Z'),
    running('resolution', '2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'),
  ]);

  it('follows the running clock due first as time goes by', () => {
    expect(ticketCountdown(sla, T0)).toEqual({ state: 'OK', clock: 'firstResponse', dueAt: at('2026-11-22T08:15:00Z'), remainingMs: 15 * M });
    expect(ticketCountdown(sla, at('2026-11-22T08:12:00Z')).state).toBe('AT_RISK');
    expect(ticketCountdown(sla, at('2026-11-22T08:16:00Z'))).toMatchObject({ state: 'BREACHED', clock: 'firstResponse', remainingMs: -M });
  });

  it('moves on to the next clock once one is met', () => {
    const met = engineSla([
      { clock: 'firstResponse', state: 'MET', dueAt: null, warnAt: null, remaining: null, metAt: '2026-11-22T08:05:00Z' },
      running('resolution', '2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'),
    ]);
    expect(ticketCountdown(met, T0)).toMatchObject({ state: 'OK', clock: 'resolution', remainingMs: 4 * 60 * M });
  });

  it('is PAUSED with the least business time left, or MET, without running clocks', () => {
    const paused = engineSla(
      [
        { clock: 'firstResponse', state: 'PAUSED', dueAt: null, warnAt: null, remaining: 'PT10M', metAt: null },
        { clock: 'resolution', state: 'PAUSED', dueAt: null, warnAt: null, remaining: 'PT3H', metAt: null },
      ],
      { state: 'PAUSED' },
    );
    expect(ticketCountdown(paused, T0)).toEqual({ state: 'PAUSED', clock: 'firstResponse', dueAt: null, remainingMs: 10 * M });
    expect(ticketCountdown(engineSla([], { state: 'MET' }), T0).state).toBe('MET');
    expect(ticketCountdown(null, T0)).toEqual({ state: null, clock: null, dueAt: null, remainingMs: null });
  });

  it('keeps a more urgent server state (an older server sends no warning times)', () => {
    const legacy: TicketSla = { policy: 'P1', state: 'AT_RISK', firstResponseDueAt: '2026-11-22T08:10:00Z', nextResponseDueAt: null, resolutionDueAt: null };
    expect(ticketCountdown(legacy, T0)).toMatchObject({ state: 'AT_RISK', clock: 'firstResponse', remainingMs: 10 * M });
    // but the browser's own derivation wins once it is more urgent
    expect(ticketCountdown(legacy, at('2026-11-22T08:10:01Z')).state).toBe('BREACHED');
  });
});

describe('nextDueTime', () => {
  it('is the server nextDueAt when sent, else the soonest running clock', () => {
    expect(nextDueTime(engineSla([], { nextDueAt: '2026-11-22T08:30:00Z' }))).toBe(at('2026-11-22T08:30:00Z'));
    expect(nextDueTime(engineSla([], { nextDueAt: null }))).toBeNull();
    expect(
      nextDueTime(engineSla([running('resolution', '2026-11-22T12:00:00Z', null), running('nextResponse', '2026-11-22T09:00:00Z', null)])),
    ).toBe(at('2026-11-22T09:00:00Z'));
    expect(nextDueTime({ policy: 'P3', state: 'PAUSED', firstResponseDueAt: '2026-11-22T09:00:00Z', nextResponseDueAt: null, resolutionDueAt: null })).toBeNull();
    expect(nextDueTime(null)).toBeNull();
  });
});
