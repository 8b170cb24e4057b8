import { describe, expect, it } from 'vitest';
import { fromDurationInput, parseIsoDuration, toDurationInput, toIsoDuration } from './isoDuration';

const M = 60_000;
const H = 60 * M;

describe('parseIsoDuration', () => {
  it('reads what java.time.Duration writes', () => {
    expect(parseIsoDuration('PT15M')).toBe(15 * M);
    expect(parseIsoDuration('PT1H30M')).toBe(90 * M);
    expect(parseIsoDuration('PT72H')).toBe(72 * H);
    expect(parseIsoDuration('PT0S')).toBe(0);
    expect(parseIsoDuration('PT1.5S')).toBe(1_500);
    expect(parseIsoDuration('PT-5M')).toBe(-5 * M);
    expect(parseIsoDuration('PT-1H-30M')).toBe(-90 * M);
  });

  it('takes days, weeks, a leading sign, lower case and a decimal comma', () => {
    expect(parseIsoDuration('P1DT2H')).toBe(26 * H);
    expect(parseIsoDuration('P1W')).toBe(7 * 24 * H);
    expect(parseIsoDuration('-PT1M')).toBe(-M);
    expect(parseIsoDuration('pt2h')).toBe(2 * H);
    expect(parseIsoDuration('PT0,5H')).toBe(30 * M);
  });

  it('takes a number as seconds (a server writing durations as numbers)', () => {
    expect(parseIsoDuration(900)).toBe(15 * M);
    expect(parseIsoDuration(1.5)).toBe(1_500);
  });

  it('refuses what is not a duration (or has no fixed length)', () => {
    for (const bad of ['', 'P', 'PT', '15M', 'P1Y', 'P1M', 'PT1H30', 'soon', null, undefined, {}, Number.NaN]) {
      expect(parseIsoDuration(bad), String(bad)).toBeNull();
    }
  });
});

describe('toIsoDuration', () => {
  it('writes hours, minutes and seconds, never days', () => {
    expect(toIsoDuration(15 * M)).toBe('PT15M');
    expect(toIsoDuration(90 * M)).toBe('PT1H30M');
    expect(toIsoDuration(72 * H)).toBe('PT72H');
    expect(toIsoDuration(0)).toBe('PT0S');
    expect(toIsoDuration(61_500)).toBe('PT1M1.5S');
    expect(toIsoDuration(-5 * M)).toBe('PT-5M');
  });

  it('round-trips', () => {
    for (const ms of [1_000, 15 * M, 4 * H, 8 * H + 15 * M, 72 * H, 25 * H + 1_000]) {
      expect(parseIsoDuration(toIsoDuration(ms))).toBe(ms);
    }
  });
});

describe('toDurationInput', () => {
  it('uses the largest unit the duration is a whole number of', () => {
    expect(toDurationInput(15 * M)).toEqual({ amount: '15', unit: 'minutes' });
    expect(toDurationInput(90 * M)).toEqual({ amount: '90', unit: 'minutes' });
    expect(toDurationInput(4 * H)).toEqual({ amount: '4', unit: 'hours' });
    expect(toDurationInput(72 * H)).toEqual({ amount: '3', unit: 'days' });
    expect(toDurationInput(30_000)).toEqual({ amount: '0.5', unit: 'minutes' });
    expect(toDurationInput(null)).toEqual({ amount: '', unit: 'minutes' });
  });
});

describe('fromDurationInput', () => {
  it('converts what was typed, decimals included', () => {
    expect(fromDurationInput({ amount: '15', unit: 'minutes' })).toEqual({ ms: 15 * M });
    expect(fromDurationInput({ amount: '1.5', unit: 'hours' })).toEqual({ ms: 90 * M });
    expect(fromDurationInput({ amount: ' 3 ', unit: 'days' })).toEqual({ ms: 72 * H });
    expect(fromDurationInput({ amount: '0,25', unit: 'hours' })).toEqual({ ms: 15 * M });
  });

  it('says what is wrong', () => {
    expect(fromDurationInput({ amount: '', unit: 'hours' })).toEqual({ error: 'required' });
    expect(fromDurationInput({ amount: 'ten', unit: 'hours' })).toEqual({ error: 'number' });
    expect(fromDurationInput({ amount: '-5', unit: 'hours' })).toEqual({ error: 'number' });
    expect(fromDurationInput({ amount: '0', unit: 'minutes' })).toEqual({ error: 'positive' });
  });

  it('gives the ISO text the API expects', () => {
    const typed = fromDurationInput({ amount: '2', unit: 'days' });
    expect('ms' in typed && typed.ms !== null && toIsoDuration(typed.ms)).toBe('PT48H');
  });

  it('may be left empty, or be zero, where the field says so', () => {
    expect(fromDurationInput({ amount: '', unit: 'minutes' }, { optional: true })).toEqual({ ms: null });
    expect(fromDurationInput({ amount: '0', unit: 'minutes' }, { allowZero: true })).toEqual({ ms: 0 });
    expect(fromDurationInput({ amount: '', unit: 'minutes' }, { allowZero: true })).toEqual({ error: 'required' });
    expect(toDurationInput(0)).toEqual({ amount: '0', unit: 'minutes' });
  });
});
