/**
 * ISO-8601 durations as the API speaks them (java.time.Duration: `PT15M`, `PT1H30M`, `PT72H`, `P1DT2H`,
 * `PT-5M`), to and from milliseconds. Years and months have no fixed length and are refused.
 */

const NUMBER = '([-+]?\\d+(?:[.,]\\d+)?)';
const PATTERN = new RegExp(`^([-+])?P(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`, 'i');

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds of an ISO-8601 duration, or null when it is not one. A bare number is taken as seconds. */
export function parseIsoDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * SECOND) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = PATTERN.exec(text);
  if (!match || text.endsWith('T') || /^[-+]?P$/i.test(text)) return null;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  const part = (raw: string | undefined, unit: number) => (raw ? Number(raw.replace(',', '.')) * unit : 0);
  const total = part(weeks, 7 * DAY) + part(days, DAY) + part(hours, HOUR) + part(minutes, MINUTE) + part(seconds, SECOND);
  if (!Number.isFinite(total)) return null;
  return Math.round(sign === '-' ? -total : total);
}

/**
 * The ISO-8601 text of a duration, in hours, minutes and seconds as java.time.Duration writes it:
 * `PT15M`, `PT1H30M`, `PT72H` (never days, whose length a reader might take from a calendar), `PT0S`.
 */
export function toIsoDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not a duration: ${ms}`);
  const negative = ms < 0;
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return 'PT0S';
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = rest / SECOND;
  const sign = negative ? '-' : '';
  let text = 'PT';
  if (hours) text += `${sign}${hours}H`;
  if (minutes) text += `${sign}${minutes}M`;
  if (seconds) text += `${sign}${seconds}S`;
  return text;
}

export type DurationUnit = 'minutes' | 'hours' | 'days';
export const DURATION_UNITS: readonly DurationUnit[] = ['minutes', 'hours', 'days'];
const UNIT_MS: Record<DurationUnit, number> = { minutes: MINUTE, hours: HOUR, days: DAY };

/** A duration as a person types it: an amount and a unit. */
export interface DurationInput {
  amount: string;
  unit: DurationUnit;
}

/** The input that shows a duration best: the largest unit it is a whole number of (`PT90M` -> 90 minutes, `PT2H` -> 2 hours). */
export function toDurationInput(ms: number | null): DurationInput {
  if (ms === null || !Number.isFinite(ms)) return { amount: '', unit: 'minutes' };
  if (ms === 0) return { amount: '0', unit: 'minutes' };
  for (const unit of ['days', 'hours'] as const) {
    if (ms !== 0 && ms % UNIT_MS[unit] === 0) return { amount: String(ms / UNIT_MS[unit]), unit };
  }
  // not whole minutes (rare: set over the API): up to two decimals
  return { amount: String(Math.round((ms / MINUTE) * 100) / 100), unit: 'minutes' };
}

export type DurationInputError = 'required' | 'number' | 'positive';

/**
 * Milliseconds of what was typed (`1.5` hours -> 5,400,000), or why it is not a duration. Whole seconds.
 * `optional`: empty means none (null); `allowZero`: 0 is a duration too (e.g. "no warning").
 */
export function fromDurationInput(
  input: DurationInput,
  options: { optional?: boolean; allowZero?: boolean } = {},
): { ms: number } | { ms: null } | { error: DurationInputError } {
  const text = input.amount.trim().replace(',', '.');
  if (text === '') return options.optional ? { ms: null } : { error: 'required' };
  if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) return { error: 'number' };
  const amount = Number(text);
  if (!Number.isFinite(amount)) return { error: 'number' };
  const ms = Math.round((amount * UNIT_MS[input.unit]) / SECOND) * SECOND;
  if (ms < 0 || (ms === 0 && !options.allowZero)) return { error: 'positive' };
  return { ms };
}
