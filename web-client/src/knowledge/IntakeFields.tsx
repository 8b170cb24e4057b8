import { useId } from 'react';
import type { Intake } from '../api/types';
import { useKbTexts, type KbTextKey } from './texts';

export const INTAKE_FIELDS = ['module', 'version', 'environment', 'steps'] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
export type IntakeValues = Record<IntakeField, string>;
export const EMPTY_INTAKE: IntakeValues = { module: '', version: '', environment: '', steps: '' };

const MAX: Record<IntakeField, number> = { module: 100, version: 100, environment: 300, steps: 5000 };

/** The intake as POST /api/tickets takes it: trimmed, blanks left out, nothing at all when all are blank. */
export function intakeOf(values: IntakeValues): Intake | undefined {
  const intake: Intake = {};
  for (const field of INTAKE_FIELDS) {
    const value = values[field].trim();
    if (value) intake[field] = value;
  }
  return Object.keys(intake).length > 0 ? intake : undefined;
}

/** The new-ticket form's intake fields; `errors` are keyed by the server's field names (`intake.module`, …). */
export function IntakeFields({
  values,
  onChange,
  errors = {},
}: {
  values: IntakeValues;
  onChange: (values: IntakeValues) => void;
  errors?: Partial<Record<string, string>>;
}) {
  const x = useKbTexts();
  const id = useId();
  return (
    <fieldset className="intake-fields" data-testid="intake-fields">
      <legend>{x('intake.title')}</legend>
      {INTAKE_FIELDS.map((field) => {
        const error = errors[`intake.${field}`];
        const props = {
          id: `${id}-${field}`,
          'data-testid': `intake-${field}`,
          value: values[field],
          maxLength: MAX[field],
          'aria-invalid': Boolean(error),
          'aria-describedby': error ? `${id}-${field}-error` : undefined,
        };
        return (
          <div className="field" key={field}>
            <label htmlFor={props.id}>{x(`intake.${field}` as KbTextKey)}</label>
            {field === 'steps' ? (
              <textarea {...props} rows={3} onChange={(event) => onChange({ ...values, [field]: event.target.value })} />
            ) : (
              <input {...props} onChange={(event) => onChange({ ...values, [field]: event.target.value })} />
            )}
            {error && (
              <span id={`${id}-${field}-error`} className="field-error">
                {error}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
