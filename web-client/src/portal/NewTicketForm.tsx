import { useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import { PRIORITIES, type Priority, type Ticket } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ArticleSuggestions, DeflectionThanks } from '../knowledge/ArticleSuggestions';
import { EMPTY_INTAKE, IntakeFields, intakeOf, type IntakeValues } from '../knowledge/IntakeFields';

const SUBJECT_MAX = 200;

type Field = 'subject' | 'description' | 'priority';

/**
 * A customer's new ticket: subject, description, priority and the intake fields, posted to POST /api/tickets.
 * While they type, matching published articles are suggested; one that solved it replaces the form with thanks.
 */
export function NewTicketForm({ api, onCreated }: { api: ApiClient; onCreated: (ticket: Ticket) => void }) {
  const t = useT();
  const id = useId();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [intake, setIntake] = useState<IntakeValues>(EMPTY_INTAKE);
  const [intakeErrors, setIntakeErrors] = useState<Partial<Record<string, string>>>({});
  const [deflected, setDeflected] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const missing: Partial<Record<Field, string>> = {};
    if (!subject.trim()) missing.subject = t('portal.required');
    if (!description.trim()) missing.description = t('portal.required');
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`${id}-${missing.subject ? 'subject' : 'description'}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const withIntake = intakeOf(intake);
      const ticket = await api.createTicket({ subject: subject.trim(), description: description.trim(), priority, ...(withIntake ? { intake: withIntake } : {}) });
      setSubject('');
      setDescription('');
      setPriority('P3');
      setIntake(EMPTY_INTAKE);
      setIntakeErrors({});
      onCreated(ticket);
    } catch (failure) {
      setError(failure);
      if (isApiError(failure)) {
        const byField: Partial<Record<Field, string>> = {};
        for (const fieldError of failure.errors) {
          if (fieldError.field === 'subject' || fieldError.field === 'description' || fieldError.field === 'priority') {
            byField[fieldError.field] = fieldError.message;
          }
        }
        setFieldErrors(byField);
        setIntakeErrors(Object.fromEntries(failure.errors.filter((e) => e.field?.startsWith('intake.')).map((e) => [e.field, e.message])));
      }
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field) => (fieldErrors[field] ? `${id}-${field}-error` : undefined);
  const fieldError = (field: Field) =>
    fieldErrors[field] && (
      <span id={`${id}-${field}-error`} className="field-error">
        {fieldErrors[field]}
      </span>
    );

  if (deflected) {
    return (
      <DeflectionThanks
        onAgain={() => {
          setDeflected(false);
        }}
      />
    );
  }

  return (
    <form className="new-ticket-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('portal.newTicket')}
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('portal.subject')}</label>
        <input
          id={`${id}-subject`}
          data-testid="new-ticket-subject"
          value={subject}
          maxLength={SUBJECT_MAX}
          required
          aria-invalid={Boolean(fieldErrors.subject)}
          aria-describedby={describedBy('subject')}
          onChange={(event) => setSubject(event.target.value)}
        />
        {fieldError('subject')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('portal.description')}</label>
        <textarea
          id={`${id}-description`}
          data-testid="new-ticket-description"
          rows={5}
          value={description}
          required
          placeholder={t('portal.descriptionPlaceholder')}
          aria-invalid={Boolean(fieldErrors.description)}
          aria-describedby={describedBy('description')}
          onChange={(event) => setDescription(event.target.value)}
        />
        {fieldError('description')}
      </div>
      <ArticleSuggestions api={api} query={`${subject} ${description}`} onSolved={() => setDeflected(true)} />
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t('portal.priority')}</label>
        <select
          id={`${id}-priority`}
          data-testid="new-ticket-priority"
          value={priority}
          aria-invalid={Boolean(fieldErrors.priority)}
          aria-describedby={describedBy('priority')}
          onChange={(event) => setPriority(event.target.value as Priority)}
        >
          {PRIORITIES.map((option) => (
            <option key={option} value={option}>
              {option} · {t(`priority.${option}`)}
            </option>
          ))}
        </select>
        {fieldError('priority')}
      </div>
      <IntakeFields values={intake} onChange={setIntake} errors={intakeErrors} />
      <button type="submit" className="button button-primary" data-testid="new-ticket-submit" disabled={busy} aria-busy={busy}>
        {busy ? t('portal.submitting') : t('portal.submit')}
      </button>
    </form>
  );
}
