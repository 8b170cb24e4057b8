import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlaClockInfo, TicketSla } from '../api/types';
import { renderWithI18n } from '../testing/renderWithI18n';
import { ServerClock } from './serverClock';
import { ServerClockProvider } from './ServerClockProvider';
import { SlaClockList, SlaCountdown, SlaStateLabel } from './SlaCountdown';

const T0 = Date.parse('2026-11-22T08:00:00Z');

const running = (clock: SlaClockInfo['clock'], dueAt: string, warnAt: string | null): SlaClockInfo => ({
  clock,
  state: 'RUNNING',
  dueAt,
  warnAt,
  remaining: null,
  metAt: null,
});

const sla = (clocks: SlaClockInfo[], overrides: Partial<TicketSla> = {}): TicketSla => ({
  policy: 'P1',
  state: 'OK',
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  clocks,
  ...overrides,
});

const countdowns = () => screen.getAllByTestId('sla-countdown').map((node) => [node.textContent, node.getAttribute('data-state')]);

describe('SlaCountdown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second on one shared timer and turns AT RISK, then BREACHED, by itself', () => {
    vi.useFakeTimers({ now: T0 });
    const setInterval = vi.spyOn(window, 'setInterval');
    renderWithI18n(
      <>
        <SlaCountdown sla={sla([running('firstResponse', '2026-11-22T08:00:05Z', '2026-11-22T08:00:02Z')])} />
        <SlaCountdown sla={sla([running('resolution', '2026-11-22T08:12:05Z', '2026-11-22T08:10:00Z')])} />
        <SlaCountdown sla={sla([running('resolution', '2026-11-24T10:00:00Z', null)])} />
      </>,
    );
    expect(countdowns()).toEqual([
      ['5s', 'OK'],
      ['12m 05s', 'OK'],
      ['2d 2h', 'OK'],
    ]);
    act(() => vi.advanceTimersByTime(3_000));
    expect(countdowns().slice(0, 2)).toEqual([
      ['2s', 'AT_RISK'],
      ['12m 02s', 'OK'],
    ]);
    act(() => vi.advanceTimersByTime(2_000));
    expect(countdowns()[0]).toEqual(['0s', 'BREACHED']);
    act(() => vi.advanceTimersByTime(190_000));
    expect(countdowns().slice(0, 2)).toEqual([
      ['-3m 10s', 'BREACHED'],
      ['8m 50s', 'OK'],
    ]);
    expect(screen.getAllByTestId('sla-countdown')[0]?.className).toContain('sla-breached');
    // one ticker for the page, not one per row
    expect(setInterval.mock.calls.filter(([, ms]) => ms === 1_000)).toHaveLength(1);
  });

  it('counts against the server time, not the browser clock', async () => {
    vi.useFakeTimers({ now: T0 });
    // the browser is two minutes slow: the server is already at 08:02
    const clock = new ServerClock({ fetchTime: async () => ({ now: new Date(Date.now() + 120_000).toISOString() }), samples: 1 });
    renderWithI18n(
      <ServerClockProvider clock={clock}>
        <SlaCountdown sla={sla([running('firstResponse', '2026-11-22T08:15:00Z', null)])} />
      </ServerClockProvider>,
    );
    expect(screen.getByTestId('sla-countdown').textContent).toBe('15m 00s');
    await act(async () => {
      await clock.sync();
    });
    expect(screen.getByTestId('sla-countdown').textContent).toBe('13m 00s');
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByTestId('sla-countdown').textContent).toBe('12m 59s');
  });

  it('names paused, met and missing SLAs; the title says which clock is due when', () => {
    renderWithI18n(
      <>
        <SlaCountdown now={T0} sla={sla([{ clock: 'resolution', state: 'PAUSED', dueAt: null, warnAt: null, remaining: 'PT4M', metAt: null }], { state: 'PAUSED' })} />
        <SlaCountdown now={T0} sla={sla([], { state: 'MET' })} />
        <SlaCountdown now={T0} sla={null} />
        <SlaCountdown now={T0} sla={sla([running('firstResponse', '2026-11-22T08:15:00Z', null)])} />
      </>,
    );
    expect(countdowns()).toEqual([
      ['Paused · 4m 00s left', 'PAUSED'],
      ['Met', 'MET'],
      ['No SLA', 'NONE'],
      ['15m 00s', 'OK'],
    ]);
    const last = screen.getAllByTestId('sla-countdown')[3];
    expect(last?.getAttribute('datetime')).toBe('2026-11-22T08:15:00.000Z');
    expect(last?.getAttribute('title')).toMatch(/^First response due /);
  });

  it('speaks Chinese', () => {
    renderWithI18n(<SlaCountdown now={T0} sla={sla([running('firstResponse', '2026-11-22T07:56:50Z', null)])} />, 'zh-CN');
    expect(screen.getByTestId('sla-countdown').textContent).toBe('-3分10秒');
  });
});

describe('SlaClockList and SlaStateLabel', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows every clock of the ticket with its own countdown, and the ticket state ticking', () => {
    vi.useFakeTimers({ now: T0 });
    const clocks = sla([
      running('resolution', '2026-11-22T12:00:00Z', '2026-11-22T11:00:00Z'),
      running('acknowledge', '2026-11-22T08:00:30Z', '2026-11-22T08:00:20Z'),
      { clock: 'firstResponse', state: 'MET', dueAt: null, warnAt: null, remaining: null, metAt: '2026-11-22T07:58:00Z' },
    ]);
    renderWithI18n(
      <>
        <SlaStateLabel sla={clocks} />
        <SlaClockList sla={clocks} />
      </>,
    );
    const rows = () => screen.getAllByTestId('sla-clock').map((row) => [row.getAttribute('data-clock'), row.getAttribute('data-state'), row.querySelector('time')?.textContent]);
    expect(rows()).toEqual([
      ['acknowledge', 'OK', '30s'],
      ['firstResponse', 'MET', 'Met'],
      ['resolution', 'OK', '4h 00m'],
    ]);
    expect(screen.getByTestId('sla-state').textContent).toBe('On track');
    act(() => vi.advanceTimersByTime(20_000));
    expect(rows()[0]).toEqual(['acknowledge', 'AT_RISK', '10s']);
    expect(screen.getByTestId('sla-state').textContent).toBe('At risk');
    act(() => vi.advanceTimersByTime(11_000));
    expect(rows()[0]).toEqual(['acknowledge', 'BREACHED', '-1s']);
    expect(screen.getByTestId('sla-state').getAttribute('data-state')).toBe('BREACHED');
  });
});
