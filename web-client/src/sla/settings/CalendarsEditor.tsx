import { useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/I18nProvider';
import { slaErrorMessage } from '../slaErrors';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { slaApi } from '../slaApi';
import { WEEKDAYS, type BusinessCalendar, type Weekday } from '../types';
import { addHoliday, CALENDAR_FIELDS, calendarToSave, newCalendar, normalizeCalendar, timeZones, validateCalendar, type CalendarError } from './calendarForm';
import { FieldMessages, FormMessages } from './FieldMessages';
import { FormActions } from './FormActions';
import { splitFieldErrors } from './fieldErrors';

const ERRORS: Record<CalendarError, MessageKey> = {
  required: 'calendar.error.required',
  id: 'calendar.error.id',
  time: 'calendar.error.time',
  order: 'calendar.error.order',
  date: 'calendar.error.date',
  duplicate: 'calendar.error.duplicate',
};

interface CalendarFormProps {
  api: ApiClient;
  calendar: BusinessCalendar;
  isNew: boolean;
  onSaved: (calendar: BusinessCalendar) => void;
  onDeleted: (id: string) => void;
}

/** One business-hours calendar: name, time zone, weekly hours per day, holidays. */
function CalendarForm({ api, calendar: initial, isNew, onSaved, onDeleted }: CalendarFormProps) {
  const t = useT();
  const id = useId();
  const [calendar, setCalendar] = useState(() => normalizeCalendar(initial));
  const [local, setLocal] = useState<Partial<Record<string, CalendarError>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [holiday, setHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<CalendarError | null>(null);
  const zones = useMemo(() => timeZones(calendar.timeZone), [calendar.timeZone]);
  const server = splitFieldErrors(failure, CALENDAR_FIELDS);

  const messages = (field: string): string[] | undefined => {
    const own = local[field] ? [t(ERRORS[local[field] as CalendarError])] : [];
    const all = [...own, ...(server.byField[field] ?? [])];
    return all.length > 0 ? all : undefined;
  };
  const described = (field: string) => (messages(field) ? `${id}-${field}-error` : undefined);

  const change = (next: BusinessCalendar) => {
    setCalendar(next);
    setNotice(null);
  };
  const setDay = (day: Weekday, ranges: BusinessCalendar['hours'][Weekday]) => change({ ...calendar, hours: { ...calendar.hours, [day]: ranges } });

  async function save() {
    const errors = validateCalendar(calendar, isNew);
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    setFailure(null);
    setBusy(true);
    try {
      const body = calendarToSave(calendar);
      const answer = await slaApi(api).saveCalendar(body);
      const stored = normalizeCalendar(answer && typeof answer === 'object' && answer.id ? answer : body);
      setCalendar(stored);
      setNotice(t('calendar.saved', { name: stored.name }));
      onSaved(stored);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm(t('calendar.confirmDelete', { name: calendar.name || calendar.id }))) return;
    setFailure(null);
    setBusy(true);
    try {
      await slaApi(api).deleteCalendar(calendar.id);
      onDeleted(calendar.id);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  const inUse = isApiError(failure) && failure.status === 409;
  const showBanner = failure !== null && !(isApiError(failure) && failure.status === 400 && failure.errors.length > 0);

  return (
    <form
      className="sla-form"
      data-testid="calendar-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>{isNew ? t('calendar.new') : t('calendar.edit', { name: initial.name || initial.id })}</h2>
      {showBanner && <ErrorBanner error={inUse ? undefined : failure} message={inUse ? t('calendar.inUse') : null} onDismiss={() => setFailure(null)} />}
      <FormMessages messages={server.other} />
      <div className="sla-form-grid">
        <div className="field">
          <label htmlFor={`${id}-id`}>{t('calendar.id')}</label>
          <input
            id={`${id}-id`}
            data-testid="calendar-id"
            value={calendar.id}
            readOnly={!isNew}
            aria-invalid={Boolean(messages('id'))}
            aria-describedby={described('id') ?? `${id}-id-hint`}
            onChange={(event) => change({ ...calendar, id: event.target.value })}
          />
          {isNew && (
            <span id={`${id}-id-hint`} className="muted">
              {t('calendar.idHint')}
            </span>
          )}
          <FieldMessages id={`${id}-id-error`} messages={messages('id')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('calendar.name')}</label>
          <input
            id={`${id}-name`}
            data-testid="calendar-name"
            value={calendar.name}
            aria-invalid={Boolean(messages('name'))}
            aria-describedby={described('name')}
            onChange={(event) => change({ ...calendar, name: event.target.value })}
          />
          <FieldMessages id={`${id}-name-error`} messages={messages('name')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('calendar.timeZone')}</label>
          <select
            id={`${id}-zone`}
            data-testid="calendar-timeZone"
            value={calendar.timeZone}
            aria-invalid={Boolean(messages('timeZone'))}
            aria-describedby={described('timeZone')}
            onChange={(event) => change({ ...calendar, timeZone: event.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <FieldMessages id={`${id}-timeZone-error`} messages={messages('timeZone')} />
        </div>
      </div>

      <fieldset>
        <legend>{t('calendar.hours')}</legend>
        <FieldMessages id={`${id}-hours-error`} messages={messages('hours')} />
        <div className="week-hours">
          {WEEKDAYS.map((day) => {
            const dayName = t(`day.${day}`);
            const field = `hours.${day}`;
            const ranges = calendar.hours[day];
            return (
              <div key={day} className="week-day" data-testid="calendar-day" data-day={day}>
                <span>{dayName}</span>
                <div className="week-day-ranges">
                  {ranges.length === 0 && <span className="muted">{t('calendar.closed')}</span>}
                  {ranges.map((range, index) => (
                    <span key={index} className="hours-range">
                      <input
                        type="time"
                        aria-label={t('calendar.from', { day: dayName })}
                        value={range.from}
                        aria-invalid={Boolean(messages(field))}
                        aria-describedby={described(field)}
                        onChange={(event) => setDay(day, ranges.map((entry, at) => (at === index ? { ...entry, from: event.target.value } : entry)))}
                      />
                      –
                      <input
                        type="time"
                        aria-label={t('calendar.to', { day: dayName })}
                        value={range.to}
                        aria-invalid={Boolean(messages(field))}
                        aria-describedby={described(field)}
                        onChange={(event) => setDay(day, ranges.map((entry, at) => (at === index ? { ...entry, to: event.target.value } : entry)))}
                      />
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('calendar.removeHours')}
                        onClick={() => setDay(day, ranges.filter((_, at) => at !== index))}
                      >
                        ×
                      </button>
                    </span>
                  ))}
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('calendar.addHours', { day: dayName })}
                    onClick={() => setDay(day, [...ranges, ranges.length === 0 ? { from: '09:00', to: '17:00' } : { from: '13:00', to: '17:00' }])}
                  >
                    +
                  </button>
                  <FieldMessages id={`${id}-${field}-error`} messages={messages(field)} />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('calendar.holidays')}</legend>
        {calendar.holidays.length === 0 ? (
          <p className="muted">{t('calendar.noHolidays')}</p>
        ) : (
          <ul className="chip-list" data-testid="calendar-holidays">
            {calendar.holidays.map((date) => (
              <li key={date} className="chip">
                <time dateTime={date}>{date}</time>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={t('calendar.removeHoliday', { date })}
                  onClick={() => change({ ...calendar, holidays: calendar.holidays.filter((entry) => entry !== date) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="duration-input">
          <input
            type="date"
            aria-label={t('calendar.holidayDate')}
            data-testid="calendar-holiday-date"
            value={holiday}
            aria-invalid={holidayError !== null}
            onChange={(event) => {
              setHoliday(event.target.value);
              setHolidayError(null);
            }}
          />
          <button
            type="button"
            className="button button-small"
            data-testid="calendar-add-holiday"
            onClick={() => {
              const result = addHoliday(calendar.holidays, holiday);
              if ('error' in result) {
                setHolidayError(result.error);
                return;
              }
              change({ ...calendar, holidays: result.holidays });
              setHoliday('');
            }}
          >
            {t('calendar.addHoliday')}
          </button>
        </div>
        <FieldMessages id={`${id}-holiday-error`} messages={holidayError ? [t(ERRORS[holidayError])] : undefined} />
        <FieldMessages id={`${id}-holidays-error`} messages={messages('holidays')} />
      </fieldset>

      <FormActions name="calendar" label={t('calendar.save')} busy={busy} notice={notice || null}>
        {!isNew && (
          <button type="button" className="button" data-testid="calendar-delete" disabled={busy} onClick={() => void remove()}>
            {t('calendar.delete')}
          </button>
        )}
      </FormActions>
    </form>
  );
}

/** The business-hours calendars: pick one to edit, or start a new one. */
export function CalendarsEditor({ api }: { api: ApiClient }) {
  const t = useT();
  const sla = useMemo(() => slaApi(api), [api]);
  const [calendars, setCalendars] = useState<BusinessCalendar[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  /** The id being edited, '' for a new calendar, null for none. */
  const [editing, setEditing] = useState<string | null>(null);
  const [draftKey, setDraftKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    sla
      .calendars({ signal: controller.signal })
      .then((list) => {
        if (controller.signal.aborted) return;
        setCalendars(list);
        setEditing((current) => current ?? list[0]?.id ?? '');
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      });
    return () => controller.abort();
  }, [sla, generation]);

  const selected = editing ? calendars?.find((calendar) => calendar.id === editing) : undefined;

  return (
    <div data-testid="calendars-editor">
      <ErrorBanner error={error} message={slaErrorMessage(error, t)} onRetry={() => setGeneration((value) => value + 1)} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {calendars === null && !error && <p className="muted loading">{t('common.loading')}</p>}
      {calendars !== null && (
        <>
          <nav className="sla-admin-tabs" aria-label={t('calendar.list')}>
            {calendars.map((calendar) => (
              <a
                key={calendar.id}
                href={`#/sla/calendars`}
                aria-current={editing === calendar.id ? 'page' : undefined}
                data-testid="calendar-pick"
                onClick={(event) => {
                  event.preventDefault();
                  setNotice(null);
                  setEditing(calendar.id);
                }}
              >
                {calendar.name || calendar.id}
              </a>
            ))}
            <button
              type="button"
              className="button button-small"
              data-testid="calendar-new"
              onClick={() => {
                setNotice(null);
                setEditing('');
                setDraftKey((value) => value + 1);
              }}
            >
              + {t('calendar.new')}
            </button>
          </nav>
          {calendars.length === 0 && <p className="muted">{t('calendar.empty')}</p>}
          {editing === '' && (
            <CalendarForm
              key={`new-${draftKey}`}
              api={api}
              calendar={newCalendar()}
              isNew
              onSaved={(stored) => {
                setCalendars((current) => [...(current ?? []).filter((entry) => entry.id !== stored.id), stored]);
                setEditing(stored.id);
                setNotice(t('calendar.saved', { name: stored.name }));
              }}
              onDeleted={() => undefined}
            />
          )}
          {selected && (
            <CalendarForm
              key={selected.id}
              api={api}
              calendar={selected}
              isNew={false}
              onSaved={(stored) => setCalendars((current) => current?.map((entry) => (entry.id === stored.id ? stored : entry)) ?? null)}
              onDeleted={(id) => {
                const rest = (calendars ?? []).filter((entry) => entry.id !== id);
                setCalendars(rest);
                setEditing(rest[0]?.id ?? '');
                setNotice(t('calendar.deleted', { name: selected.name || id }));
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
