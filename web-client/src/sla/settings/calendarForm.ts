import { WEEKDAYS, type BusinessCalendar, type OpeningHours, type Weekday } from '../types';

export const CALENDAR_FIELDS = ['id', 'name', 'timeZone', 'holidays', 'hours', ...WEEKDAYS.map((day) => `hours.${day}`)] as const;

export type CalendarError = 'required' | 'id' | 'time' | 'order' | 'date' | 'duplicate';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** As the server takes ids: lower-case letters, digits and '-', at most 64. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An empty calendar to start from: Monday to Friday 09:00-17:00 in the browser's time zone. */
export function newCalendar(timeZone = browserTimeZone()): BusinessCalendar {
  const hours = {} as Record<Weekday, OpeningHours[]>;
  for (const day of WEEKDAYS) hours[day] = day === 'SATURDAY' || day === 'SUNDAY' ? [] : [{ from: '09:00', to: '17:00' }];
  return { id: '', name: '', timeZone, hours, holidays: [] };
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA time zone the browser knows, with `extra` (the calendar's own) in it too, sorted. */
export function timeZones(extra?: string): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  let zones: string[] = [];
  try {
    zones = intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  const all = new Set(zones.length > 0 ? zones : ['UTC', 'Europe/London', 'Asia/Shanghai', 'America/New_York']);
  all.add('UTC');
  if (extra) all.add(extra);
  return [...all].sort();
}

/** A calendar with every day present (a server may leave closed days out), holidays sorted. */
export function normalizeCalendar(calendar: BusinessCalendar): BusinessCalendar {
  const hours = {} as Record<Weekday, OpeningHours[]>;
  for (const day of WEEKDAYS) hours[day] = Array.isArray(calendar.hours?.[day]) ? calendar.hours[day].map((range) => ({ ...range })) : [];
  return { ...calendar, hours, holidays: [...(calendar.holidays ?? [])].sort() };
}

/** What is wrong before asking the server: keys as in CALENDAR_FIELDS (`hours.MONDAY`), one reason each. */
export function validateCalendar(calendar: BusinessCalendar, isNew: boolean): Partial<Record<string, CalendarError>> {
  const errors: Partial<Record<string, CalendarError>> = {};
  if (isNew) {
    if (!calendar.id.trim()) errors.id = 'required';
    else if (!ID.test(calendar.id.trim())) errors.id = 'id';
  }
  if (!calendar.name.trim()) errors.name = 'required';
  if (!calendar.timeZone) errors.timeZone = 'required';
  for (const day of WEEKDAYS) {
    for (const range of calendar.hours[day]) {
      if (!TIME.test(range.from) || !TIME.test(range.to)) {
        errors[`hours.${day}`] = 'time';
        break;
      }
      // `to` 00:00 is the end of the day (a stretch never crosses midnight)
      if (range.to !== '00:00' && range.from >= range.to) {
        errors[`hours.${day}`] = 'order';
        break;
      }
    }
  }
  if (calendar.holidays.some((date) => !DATE.test(date))) errors.holidays = 'date';
  return errors;
}

/** The holidays with `date` added (sorted), or why not. */
export function addHoliday(holidays: readonly string[], date: string): { holidays: string[] } | { error: CalendarError } {
  if (!DATE.test(date)) return { error: 'date' };
  if (holidays.includes(date)) return { error: 'duplicate' };
  return { holidays: [...holidays, date].sort() };
}

/** The calendar as the API takes it (trimmed id and name). */
export function calendarToSave(calendar: BusinessCalendar): BusinessCalendar {
  return { ...calendar, id: calendar.id.trim(), name: calendar.name.trim() };
}
