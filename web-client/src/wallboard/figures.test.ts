import { describe, expect, it } from 'vitest';
import { readAccess } from './access';
import { byPriorityOption, gauge, percent, remaining, responseOption, seconds, tone, windowHours } from './figures';
import { wallboardFixture } from './fixtures';
import { textsFor } from './texts';

const x = textsFor('en');

describe('wall board figures', () => {
  it('judges figures against their targets: lower is better for times and repeats, higher for CSAT', () => {
    expect(tone(1500, 1800, 'lower')).toBe('good');
    expect(tone(1800, 1800, 'lower')).toBe('bad');
    expect(tone(4.6, 4.5, 'higher')).toBe('good');
    expect(tone(4.5, 4.5, 'higher')).toBe('bad');
    expect(tone(null, 4.5, 'higher')).toBe('none');
  });

  it('formats seconds, rates and the window', () => {
    expect(seconds(1500, x)).toBe('25 min');
    expect(seconds(9000, x)).toBe('2.5 h');
    expect(seconds(null, x)).toBe('—');
    expect(percent(0.0425, x)).toBe('4.3%');
    expect(percent(0.05, x, 0)).toBe('5%');
    expect(windowHours('PT24H')).toBe(24);
    expect(windowHours('P1D')).toBe(24);
    expect(windowHours('PT8H')).toBe(8);
    expect(textsFor('zh-CN')('wb.minutes', { n: 3 })).toBe('3 分钟');
  });

  it('puts the target line where the target is on the gauge and clamps the fill', () => {
    expect(gauge(900, 1800, 3600)).toEqual({ fill: 0.25, targetAt: 0.5 });
    expect(gauge(99999, 1800, 3600).fill).toBe(1);
    expect(gauge(null, 1800, 3600).fill).toBe(0);
  });

  it('counts down on the server clock', () => {
    const now = Date.parse('2026-11-22T23:30:00Z');
    expect(remaining('2026-11-22T23:35:00Z', now, 0)).toBe(300_000);
    expect(remaining('2026-11-22T23:35:00Z', now, 60_000)).toBe(240_000);
    expect(remaining(null, now, 0)).toBeNull();
  });

  it('builds the charts from the hourly series with the response target as a line', () => {
    const board = wallboardFixture();
    const bars = byPriorityOption(board, 'en');
    expect(bars.series).toHaveLength(4);
    expect(bars.series[0]?.data[23]).toBe(2);
    const response = responseOption(board, 'en');
    expect(response.series[0]?.data[23]).toBe(15);
    expect(response.series[0]?.markLine.data[0]?.yAxis).toBe(30);
  });

  it('reads a wall-board token from the fragment and keeps it for a reload', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readAccess('#token=abc&lang=zh-CN', storage)).toEqual({ token: 'abc', language: 'zh-CN' });
    expect(readAccess('', storage)).toEqual({ token: 'abc', language: null });
    expect(readAccess('#lang=xx', null)).toEqual({ token: null, language: null });
  });
});
