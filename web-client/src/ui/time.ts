import type { Language, Translate } from '../i18n/language';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Compact duration for dense tables: `<1m`, `14m`, `3h 5m`, `2d 4h` (units translated). */
export function formatDuration(milliseconds: number, t: Translate): string {
  const ms = Math.abs(milliseconds);
  if (ms < MINUTE) return t('duration.underMinute');
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) {
    return hours > 0 ? `${t('duration.days', { n: days })} ${t('duration.hours', { n: hours })}` : t('duration.days', { n: days });
  }
  if (hours > 0) {
    return minutes > 0 ? `${t('duration.hours', { n: hours })} ${t('duration.minutes', { n: minutes })}` : t('duration.hours', { n: hours });
  }
  return t('duration.minutes', { n: minutes });
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Local date and time, e.g. `22/11/2026, 09:00` / `2026/11/22 09:00`; empty for a missing or bad value. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(language, format);
  }
  return format.format(date);
}
