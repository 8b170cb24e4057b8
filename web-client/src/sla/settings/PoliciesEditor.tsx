import { useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { isApiError } from '../../api/problem';
import { PRIORITIES } from '../../api/types';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/en';
import { slaErrorMessage } from '../slaErrors';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { DURATION_UNITS, type DurationInput, type DurationInputError } from '../isoDuration';
import { slaApi } from '../slaApi';
import { ROUND_THE_CLOCK, type BusinessCalendar, type EscalationGroup, type SlaPolicy } from '../types';
import { FieldMessages, FormMessages } from './FieldMessages';
import { FormActions } from './FormActions';
import { splitFieldErrors } from './fieldErrors';
import { DURATION_FIELDS, draftToPolicy, POLICY_FIELDS, policyToDraft, type DurationField, type PolicyDraft } from './policyForm';

const FIELD_LABELS: Record<DurationField, MessageKey> = {
  firstResponse: 'policy.firstResponse',
  nextResponse: 'policy.nextResponse',
  resolution: 'policy.resolution',
  warnBefore: 'policy.warnBefore',
};

const INPUT_ERRORS: Record<DurationInputError, MessageKey> = {
  required: 'policy.error.required',
  number: 'policy.error.number',
  positive: 'policy.error.positive',
};

interface DurationFieldProps {
  id: string;
  label: string;
  value: DurationInput;
  messages: string[] | undefined;
  testId: string;
  placeholder?: string | undefined;
  onChange: (value: DurationInput) => void;
}

/** A duration typed as amount and unit (`15` minutes, `1.5` hours, `3` days); errors beside it. */
function DurationFieldInput({ id, label, value, messages, testId, placeholder, onChange }: DurationFieldProps) {
  const t = useT();
  const invalid = Boolean(messages && messages.length > 0);
  return (
    <div className="field">
      <label htmlFor={`${id}-amount`}>{label}</label>
      <div className="duration-input">
        <input
          id={`${id}-amount`}
          data-testid={`${testId}-amount`}
          inputMode="decimal"
          value={value.amount}
          placeholder={placeholder}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...value, amount: event.target.value })}
        />
        <select
          aria-label={t('policy.unit', { field: label })}
          data-testid={`${testId}-unit`}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationInput['unit'] })}
        >
          {DURATION_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`unit.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      <FieldMessages id={`${id}-error`} messages={messages} />
    </div>
  );
}

interface PolicyFormProps {
  api: ApiClient;
  policy: SlaPolicy;
  calendars: readonly BusinessCalendar[];
  groups: readonly EscalationGroup[];
  onSaved: (policy: SlaPolicy) => void;
}

/** One priority's targets: durations, calendar and what happens on a breach; saved with PUT. */
export function PolicyForm({ api, policy, calendars, groups, onSaved }: PolicyFormProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => policyToDraft(policy));
  const [local, setLocal] = useState<Partial<Record<DurationField, DurationInputError>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const server = splitFieldErrors(failure, POLICY_FIELDS);

  const messages = (field: string): string[] | undefined => {
    const own = field in local ? [t(INPUT_ERRORS[local[field as DurationField] as DurationInputError])] : [];
    const fromServer = server.byField[field] ?? (field === 'reassignToGroup' ? server.byField.escalation : undefined) ?? [];
    const all = [...own, ...fromServer];
    return all.length > 0 ? all : undefined;
  };

  const change = (next: PolicyDraft) => {
    setDraft(next);
    setSaved(false);
  };

  async function save() {
    const result = draftToPolicy(draft);
    if ('errors' in result) {
      setLocal(result.errors);
      return;
    }
    setLocal({});
    setFailure(null);
    setSaving(true);
    try {
      const answer = await slaApi(api).savePolicy(draft.priority, result.policy);
      const stored = answer && typeof answer === 'object' && answer.priority ? answer : result.policy;
      setDraft(policyToDraft(stored));
      setSaved(true);
      onSaved(stored);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const calendarKnown = draft.calendar === ROUND_THE_CLOCK || calendars.some((calendar) => calendar.id === draft.calendar);
  const groupKnown = !draft.reassignToGroup || groups.some((group) => group.name === draft.reassignToGroup);
  const showBanner = failure !== null && !(isApiError(failure) && failure.status === 400 && failure.errors.length > 0);

  return (
    <form
      className="sla-form"
      data-testid="policy-form"
      data-priority={policy.priority}
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>{t('policy.heading', { priority: policy.priority, name: t(`priority.${policy.priority}`) })}</h2>
      {showBanner && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
      <FormMessages messages={server.other} />
      <div className="sla-form-grid">
        {DURATION_FIELDS.map((field) => (
          <DurationFieldInput
            key={field}
            id={`${id}-${field}`}
            label={t(FIELD_LABELS[field])}
            value={draft.durations[field]}
            messages={messages(field)}
            testId={`policy-${field}`}
            placeholder={field === 'nextResponse' ? t('policy.noTarget') : undefined}
            onChange={(value) => change({ ...draft, durations: { ...draft.durations, [field]: value } })}
          />
        ))}
        <div className="field">
          <label htmlFor={`${id}-calendar`}>{t('policy.calendar')}</label>
          <select
            id={`${id}-calendar`}
            data-testid="policy-calendar"
            value={draft.calendar}
            aria-invalid={Boolean(messages('calendar'))}
            aria-describedby={messages('calendar') ? `${id}-calendar-error` : undefined}
            onChange={(event) => change({ ...draft, calendar: event.target.value })}
          >
            <option value={ROUND_THE_CLOCK}>{t('policy.calendar24x7')}</option>
            {calendars.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendar.name || calendar.id} ({calendar.timeZone})
              </option>
            ))}
            {!calendarKnown && <option value={draft.calendar}>{draft.calendar}</option>}
          </select>
          <FieldMessages id={`${id}-calendar-error`} messages={messages('calendar')} />
        </div>
      </div>
      <fieldset>
        <legend>{t('policy.escalation')}</legend>
        <div className="sla-form-grid">
          <div className="field">
            <label className="checkbox-label">
              <input
                type="checkbox"
                data-testid="policy-notifySupervisors"
                checked={draft.notifySupervisors}
                onChange={(event) => change({ ...draft, notifySupervisors: event.target.checked })}
              />{' '}
              {t('policy.notifySupervisors')}
            </label>
            <FieldMessages id={`${id}-notify-error`} messages={messages('notifySupervisors')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('policy.reassignToGroup')}</label>
            <select
              id={`${id}-group`}
              data-testid="policy-reassignToGroup"
              value={draft.reassignToGroup}
              aria-invalid={Boolean(messages('reassignToGroup'))}
              aria-describedby={messages('reassignToGroup') ? `${id}-group-error` : undefined}
              onChange={(event) => change({ ...draft, reassignToGroup: event.target.value })}
            >
              <option value="">{t('policy.noReassign')}</option>
              {groups.map((group) => (
                <option key={group.name} value={group.name}>
                  {group.name}
                </option>
              ))}
              {!groupKnown && <option value={draft.reassignToGroup}>{draft.reassignToGroup}</option>}
            </select>
            <FieldMessages id={`${id}-group-error`} messages={messages('reassignToGroup')} />
          </div>
        </div>
      </fieldset>
      <FormActions name="policy" label={t('policy.save', { priority: policy.priority })} busy={saving} notice={saved ? t('policy.saved', { priority: policy.priority }) : null} />
    </form>
  );
}

/** Every priority's SLA policy, each its own form; calendars and groups feed the selects. */
export function PoliciesEditor({ api }: { api: ApiClient }) {
  const t = useT();
  const sla = useMemo(() => slaApi(api), [api]);
  const [policies, setPolicies] = useState<SlaPolicy[] | null>(null);
  const [calendars, setCalendars] = useState<BusinessCalendar[]>([]);
  const [groups, setGroups] = useState<EscalationGroup[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setError(null);
    sla
      .policies({ signal })
      .then((list) => {
        if (!signal.aborted) setPolicies([...list].sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority)));
      })
      .catch((failure: unknown) => {
        if (!signal.aborted) setError(failure);
      });
    // the selects still work without these (24x7, no group): a failure here is not the page's
    sla.calendars({ signal }).then((list) => !signal.aborted && setCalendars(list), () => undefined);
    sla.groups({ signal }).then((list) => !signal.aborted && setGroups(list), () => undefined);
    return () => controller.abort();
  }, [sla, generation]);

  return (
    <div data-testid="policies-editor">
      <ErrorBanner error={error} message={slaErrorMessage(error, t)} onRetry={() => setGeneration((value) => value + 1)} />
      {policies === null && !error && <p className="muted loading">{t('common.loading')}</p>}
      {policies?.length === 0 && <p className="muted">{t('policy.empty')}</p>}
      {policies?.map((policy) => (
        <PolicyForm
          key={policy.priority}
          api={api}
          policy={policy}
          calendars={calendars}
          groups={groups}
          onSaved={(stored) => setPolicies((current) => current?.map((entry) => (entry.priority === stored.priority ? stored : entry)) ?? null)}
        />
      ))}
    </div>
  );
}
