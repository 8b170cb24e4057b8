import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/language';
import { countdownSeconds, formatCountdown, formatSpan } from './format';

const t = translator('en');
const zh = translator('zh-CN');
const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('countdownSeconds', () => {
  it('rounds up while time is left and down once overdue, so 0 shows at the due moment', () => {
    expect(countdownSeconds(1)).toBe(1);
    expect(countdownSeconds(999)).toBe(1);
    expect(countdownSeconds(1_000)).toBe(1);
    expect(countdownSeconds(1_001)).toBe(2);
    expect(countdownSeconds(0)).toBe(0);
    expect(countdownSeconds(-999)).toBe(0);
    expect(countdownSeconds(-1_000)).toBe(-1);
    expect(countdownSeconds(-1_500)).toBe(-1);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdown(12 * M + 5 * S, t)).toBe('12m 05s');
    expect(formatCountdown(42 * S, t)).toBe('42s');
    expect(formatCountdown(0, t)).toBe('0s');
    expect(formatCountdown(59 * M + 59 * S, t)).toBe('59m 59s');
  });

  it('shows overdue time with a minus', () => {
    expect(formatCountdown(-(3 * M + 10 * S), t)).toBe('-3m 10s');
    expect(formatCountdown(-1 * S, t)).toBe('-1s');
    expect(formatCountdown(-(2 * H + 30 * M), t)).toBe('-2h 30m');
  });

  it('shows hours and minutes under a day, days and hours beyond', () => {
    expect(formatCountdown(H, t)).toBe('1h 00m');
    expect(formatCountdown(3 * H + 5 * M + 30 * S, t)).toBe('3h 05m');
    expect(formatCountdown(23 * H + 59 * M + 59 * S, t)).toBe('23h 59m');
    expect(formatCountdown(2 * D + 4 * H + 59 * M, t)).toBe('2d 4h');
    expect(formatCountdown(-3 * D, t)).toBe('-3d 0h');
  });

  it('speaks Chinese', () => {
    expect(formatCountdown(12 * M + 5 * S, zh)).toBe('12分05秒');
    expect(formatCountdown(-(3 * M + 10 * S), zh)).toBe('-3分10秒');
    expect(formatCountdown(3 * H + 5 * M, zh)).toBe('3小时05分');
    expect(formatCountdown(2 * D + 4 * H, zh)).toBe('2天4小时');
    expect(formatCountdown(42 * S, zh)).toBe('42秒');
  });
});

describe('formatSpan', () => {
  it('has no sign and cuts off parts of a second', () => {
    expect(formatSpan(4 * M + 999, t)).toBe('4m 00s');
    expect(formatSpan(-5, t)).toBe('0s');
  });
});
