import { describe, expect, it } from 'vitest';
import type { TicketSla } from '../api/types';
import { translator } from '../i18n/language';
import { nextDue, relativeDue, slaDueView } from './sla';
import { formatCountdown, formatDuration } from './time';

const t = translator('en');
const zh = translator('zh-CN');
const NOW = Date.parse('2026-11-22T08:00:00Z');

const sla = (overrides: Partial<TicketSla> = {}): TicketSla => ({
  policy: 'P1',
  state: 'OK',
  firstResponseDueAt: '2026-11-22T08:15:00Z',
  nextResponseDueAt: null,
  resolutionDueAt: '2026-11-22T12:00:00Z',
  ...overrides,
});

describe('formatDuration', () => {
  it('is compact and drops zero parts', () => {
    expect(formatDuration(30_000, t)).toBe('<1m');
    expect(formatDuration(14 * 60_000, t)).toBe('14m');
    expect(formatDuration(3 * 3_600_000, t)).toBe('3h');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000, t)).toBe('3h 5m');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000, t)).toBe('2d 4h');
    expect(formatDuration(-14 * 60_000, t)).toBe('14m');
    expect(formatDuration(90 * 60_000, zh)).toBe('1小时 30分钟');
  });
});

describe('formatCountdown', () => {
  it('shows seconds under an hour so the countdown visibly ticks', () => {
    expect(formatCountdown(42_000, t)).toBe('42s');
    expect(formatCountdown(999, t)).toBe('0s');
    expect(formatCountdown(14 * 60_000 + 5_000, t)).toBe('14m 05s');
    expect(formatCountdown(-(59 * 60_000 + 59_999), t)).toBe('59m 59s');
    expect(formatCountdown(3_600_000, t)).toBe('1h');
    expect(formatCountdown(3 * 3_600_000 + 5 * 60_000 + 30_000, t)).toBe('3h 5m');
    expect(formatCountdown(90_000, zh)).toBe('1分钟 30秒');
  });

  it('changes from one second to the next', () => {
    const due = '2026-11-22T08:15:00Z';
    expect(relativeDue(due, NOW, t).text).toBe('in 15m 00s');
    expect(relativeDue(due, NOW + 1_000, t).text).toBe('in 14m 59s');
    expect(relativeDue(due, NOW + 15 * 60_000 + 1_000, t)).toEqual({ text: '1s overdue', overdue: true });
  });
});

describe('nextDue', () => {
  it('picks the clock that falls due first', () => {
    expect(nextDue(sla())).toEqual({ clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' });
    expect(nextDue(sla({ firstResponseDueAt: null, nextResponseDueAt: '2026-11-22T13:00:00Z' }))).toEqual({
      clock: 'resolution',
      dueAt: '2026-11-22T12:00:00Z',
    });
    expect(nextDue(sla({ firstResponseDueAt: null, resolutionDueAt: null }))).toBeNull();
    expect(nextDue(null)).toBeNull();
  });
});

describe('relativeDue', () => {
  it('says whether it is ahead or overdue', () => {
    expect(relativeDue('2026-11-22T08:15:00Z', NOW, t)).toEqual({ text: 'in 15m 00s', overdue: false });
    expect(relativeDue('2026-11-22T05:30:00Z', NOW, t)).toEqual({ text: '2h 30m overdue', overdue: true });
    expect(relativeDue('2026-11-22T05:30:00Z', NOW, zh).text).toBe('已超时 2小时 30分钟');
  });
});

describe('slaDueView', () => {
  it('shows the next due time with a tone', () => {
    expect(slaDueView(sla(), NOW, t)).toMatchObject({ tone: 'ok', text: 'in 15m 00s', clock: 'firstResponse' });
    expect(slaDueView(sla({ state: 'AT_RISK' }), NOW, t).tone).toBe('risk');
    expect(slaDueView(sla({ firstResponseDueAt: '2026-11-22T07:00:00Z' }), NOW, t)).toMatchObject({
      tone: 'breached',
      text: '1h overdue',
    });
  });

  it('names paused, met and missing SLAs instead of a time', () => {
    expect(slaDueView(sla({ state: 'PAUSED' }), NOW, t)).toEqual({ tone: 'paused', text: 'Paused' });
    expect(slaDueView(sla({ state: 'MET' }), NOW, t)).toEqual({ tone: 'met', text: 'Met' });
    expect(slaDueView(null, NOW, t)).toEqual({ tone: 'none', text: 'No SLA' });
    expect(slaDueView(sla({ state: 'BREACHED', firstResponseDueAt: null, resolutionDueAt: null }), NOW, t)).toEqual({
      tone: 'breached',
      text: 'Breached',
    });
  });
});
