import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/language';
import { formatDateTime, formatDuration } from './time';

const t = translator('en');
const zh = translator('zh-CN');

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

describe('formatDateTime', () => {
  it('is empty for a missing or bad value', () => {
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('not a time', 'en')).toBe('');
    expect(formatDateTime('2026-11-22T08:00:00Z', 'en')).toMatch(/2026/);
  });
});
