import type { Translate } from '../i18n/language';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * Whole seconds left on a countdown: rounded up while time is left (so `0s` shows exactly at the due
 * moment, not a second early), down once overdue (so `-1s` shows a full second after it).
 */
export function countdownSeconds(remainingMs: number): number {
  if (remainingMs > 0) return Math.ceil(remainingMs / SECOND);
  const overdue = Math.floor(-remainingMs / SECOND);
  return overdue === 0 ? 0 : -overdue;
}

/**
 * A ticking countdown: `42s`, `12m 05s` under an hour, `3h 05m` under a day, `2d 4h` beyond; overdue
 * with a minus (`-3m 10s`). Units translated (`12分05秒`).
 */
export function formatCountdown(remainingMs: number, t: Translate): string {
  const seconds = countdownSeconds(remainingMs);
  const text = formatSpan(Math.abs(seconds) * SECOND, t);
  return seconds < 0 ? t('sla.countdown.overdue', { time: text }) : text;
}

/** A span of time, as formatCountdown shows it but without a sign. */
export function formatSpan(ms: number, t: Translate): string {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (total < MINUTE) return t('sla.countdown.seconds', { s: total / SECOND });
  if (total < HOUR) {
    return t('sla.countdown.minutes', { m: Math.floor(total / MINUTE), s: pad2(Math.floor((total % MINUTE) / SECOND)) });
  }
  if (total < DAY) return t('sla.countdown.hours', { h: Math.floor(total / HOUR), m: pad2(Math.floor((total % HOUR) / MINUTE)) });
  return t('sla.countdown.days', { d: Math.floor(total / DAY), h: Math.floor((total % DAY) / HOUR) });
}
