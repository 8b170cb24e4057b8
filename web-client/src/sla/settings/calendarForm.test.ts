import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../types';
import { addHoliday, calendarToSave, newCalendar, normalizeCalendar, timeZones, validateCalendar } from './calendarForm';

const shanghai = (): BusinessCalendar =>
  normalizeCalendar({
    id: 'business-shanghai',
    name: 'Shanghai office',
    timeZone: 'Asia/Shanghai',
    hours: { MONDAY: [{ from: '09:00', to: '18:00' }] } as BusinessCalendar['hours'],
    holidays: ['2026-12-25', '2026-10-01'],
  });

describe('calendar form', () => {
  it('fills in closed days and sorts holidays', () => {
    const calendar = shanghai();
    expect(calendar.hours.SUNDAY).toEqual([]);
    expect(calendar.hours.MONDAY).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(calendar.holidays).toEqual(['2026-10-01', '2026-12-25']);
  });

  it('starts a new one on weekdays 09:00-17:00', () => {
    const calendar = newCalendar('Europe/London');
    expect(calendar.timeZone).toBe('Europe/London');
    expect(calendar.hours.FRIDAY).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(calendar.hours.SATURDAY).toEqual([]);
  });

  it('checks ids, names, times and their order', () => {
    expect(validateCalendar(shanghai(), false)).toEqual({});
    const bad = shanghai();
    bad.id = 'no spaces';
    bad.name = ' ';
    bad.hours.TUESDAY = [{ from: '18:00', to: '09:00' }];
    bad.hours.WEDNESDAY = [{ from: '9', to: '17:00' }];
    expect(validateCalendar(bad, true)).toEqual({ id: 'id', name: 'required', 'hours.TUESDAY': 'order', 'hours.WEDNESDAY': 'time' });
    // the id of a stored calendar is not edited, so not checked
    expect(validateCalendar(bad, false).id).toBeUndefined();
    expect(validateCalendar({ ...shanghai(), id: 'Business_HK' }, true).id).toBe('id');
  });

  it('takes 00:00 as the end of the day', () => {
    const late = shanghai();
    late.hours.FRIDAY = [{ from: '18:00', to: '00:00' }];
    expect(validateCalendar(late, false)).toEqual({});
  });

  it('adds holidays once, in order', () => {
    expect(addHoliday(['2026-12-25'], '2026-01-01')).toEqual({ holidays: ['2026-01-01', '2026-12-25'] });
    expect(addHoliday(['2026-12-25'], '2026-12-25')).toEqual({ error: 'duplicate' });
    expect(addHoliday([], '')).toEqual({ error: 'date' });
  });

  it('offers every time zone, the calendar own included', () => {
    const zones = timeZones('Mars/Olympus_Mons');
    expect(zones).toContain('Asia/Shanghai');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Mars/Olympus_Mons');
  });

  it('trims what is saved', () => {
    expect(calendarToSave({ ...shanghai(), id: ' x ', name: ' Y ' })).toMatchObject({ id: 'x', name: 'Y' });
  });
});
