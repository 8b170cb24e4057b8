import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';

describe('backoffCeiling', () => {
  it('doubles from the 1 s base and stops at the 30 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffCeiling(attempt))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(BACKOFF_BASE_MS).toBe(1_000);
    expect(BACKOFF_CAP_MS).toBe(30_000);
  });

  it('survives absurd attempts', () => {
    expect(backoffCeiling(5_000)).toBe(30_000);
    expect(backoffCeiling(Number.POSITIVE_INFINITY)).toBe(1_000);
    expect(backoffCeiling(-3)).toBe(1_000);
    expect(backoffCeiling(Number.NaN)).toBe(1_000);
    expect(backoffCeiling(2, 500, 1_500)).toBe(1_500);
  });
});

describe('backoffDelay (full jitter)', () => {
  it('stays within [0, ceiling) at both ends of the random range', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = backoffCeiling(attempt);
      expect(backoffDelay(attempt, { random: () => 0 })).toBe(0);
      const top = backoffDelay(attempt, { random: () => 0.999_999_9 });
      expect(top).toBeLessThan(ceiling);
      expect(top).toBeGreaterThanOrEqual(ceiling - 1);
      expect(Number.isInteger(top)).toBe(true);
    }
  });

  it('scales the random draw over the whole window', () => {
    expect(backoffDelay(0, { random: () => 0.5 })).toBe(500);
    expect(backoffDelay(3, { random: () => 0.25 })).toBe(2_000);
    expect(backoffDelay(10, { random: () => 0.5 })).toBe(15_000);
  });

  it('clamps a random source that misbehaves', () => {
    expect(backoffDelay(2, { random: () => 7 })).toBe(3_999);
    expect(backoffDelay(2, { random: () => -1 })).toBe(0);
    expect(backoffDelay(2, { random: () => Number.NaN })).toBe(0);
  });

  it('spreads many clients over the window instead of bunching them', () => {
    // 10,000 consoles after a restart, on their 5th attempt: the delays cover the whole 0..30 s window
    const delays = Array.from({ length: 10_000 }, () => backoffDelay(5));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(30_000);
    const buckets = new Array<number>(10).fill(0);
    for (const delay of delays) buckets[Math.floor(delay / 3_000)] = (buckets[Math.floor(delay / 3_000)] ?? 0) + 1;
    // each tenth of the window gets roughly a tenth of the clients (uniform), none gets a stampede
    for (const count of buckets) {
      expect(count).toBeGreaterThan(700);
      expect(count).toBeLessThan(1_300);
    }
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    expect(mean).toBeGreaterThan(13_500);
    expect(mean).toBeLessThan(16_500);
  });
});
