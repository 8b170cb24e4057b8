import { useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { PersonRef } from '../../api/types';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/I18nProvider';
import { slaErrorMessage } from '../slaErrors';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { slaApi } from '../slaApi';
import type { EscalationGroup } from '../types';
import { FieldMessages, FormMessages } from './FieldMessages';
import { FormActions } from './FormActions';
import { splitFieldErrors } from './fieldErrors';

const ABOUT: Record<string, MessageKey> = { 'on-call': 'group.about.on-call', tier2: 'group.about.tier2' };

/**
 * The people who may join a group: staff from GET /api/agents, plus everyone already in some group and
 * the supervisor editing (so the editor works, with those, where the server has no such list).
 */
export function candidatesOf(agents: readonly PersonRef[], groups: readonly EscalationGroup[], me?: PersonRef): PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const person of [...agents, ...groups.flatMap((group) => group.members), ...(me ? [me] : [])]) {
    if (person && typeof person.id === 'string' && !byId.has(person.id)) byId.set(person.id, { id: person.id, displayName: person.displayName });
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function GroupForm({ api, group, candidates, onSaved }: { api: ApiClient; group: EscalationGroup; candidates: readonly PersonRef[]; onSaved: (group: EscalationGroup) => void }) {
  const t = useT();
  const id = useId();
  const [members, setMembers] = useState<PersonRef[]>(group.members);
  const [choice, setChoice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const server = splitFieldErrors(failure, ['memberIds', 'name']);
  const addable = candidates.filter((person) => !members.some((member) => member.id === person.id));
  const about = ABOUT[group.name];

  async function save() {
    setFailure(null);
    setSaving(true);
    try {
      const answer = await slaApi(api).saveGroup(
        group.name,
        members.map((member) => member.id),
      );
      const stored = answer && Array.isArray(answer.members) ? answer : { name: group.name, members };
      setMembers(stored.members);
      setSaved(true);
      onSaved(stored);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const showBanner = failure !== null && !(isApiError(failure) && failure.status === 400 && failure.errors.length > 0);
  const memberMessages = server.byField.memberIds;

  return (
    <form
      className="sla-form"
      data-testid="group-form"
      data-group={group.name}
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-title`}>{group.name}</h2>
      {about && <p className="muted">{t(about)}</p>}
      {showBanner && <ErrorBanner error={failure} onDismiss={() => setFailure(null)} />}
      <FormMessages messages={[...server.other, ...(server.byField.name ?? [])]} />
      <div className="field">
        <span>{t('group.members')}</span>
        {members.length === 0 ? (
          <p className="muted">{t('group.noMembers')}</p>
        ) : (
          <ul className="chip-list" data-testid="group-members" aria-describedby={memberMessages ? `${id}-members-error` : undefined}>
            {members.map((member) => (
              <li key={member.id} className="chip">
                {member.displayName}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={t('group.remove', { name: member.displayName })}
                  onClick={() => {
                    setMembers(members.filter((entry) => entry.id !== member.id));
                    setSaved(false);
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <FieldMessages id={`${id}-members-error`} messages={memberMessages} />
      </div>
      <div className="duration-input">
        <select aria-label={t('group.add', { name: group.name })} data-testid="group-add-select" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t('group.choose')}</option>
          {addable.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          data-testid="group-add"
          disabled={!choice}
          onClick={() => {
            const person = candidates.find((entry) => entry.id === choice);
            if (!person) return;
            setMembers([...members, person]);
            setChoice('');
            setSaved(false);
          }}
        >
          {t('group.addButton')}
        </button>
      </div>
      <FormActions name="group" label={t('group.save', { name: group.name })} busy={saving} notice={saved ? t('group.saved', { name: group.name }) : null} />
    </form>
  );
}

/** The escalation groups (on-call, tier2, …) and who is in them. */
export function GroupsEditor({ api, user }: { api: ApiClient; user?: PersonRef | undefined }) {
  const t = useT();
  const sla = useMemo(() => slaApi(api), [api]);
  const [groups, setGroups] = useState<EscalationGroup[] | null>(null);
  const [agents, setAgents] = useState<PersonRef[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setError(null);
    sla
      .groups({ signal })
      .then((list) => {
        if (!signal.aborted) setGroups(list.map((group) => ({ ...group, members: Array.isArray(group.members) ? group.members : [] })));
      })
      .catch((failure: unknown) => {
        if (!signal.aborted) setError(failure);
      });
    sla.agents({ signal }).then((list) => !signal.aborted && setAgents(list), () => undefined);
    return () => controller.abort();
  }, [sla, generation]);

  const candidates = useMemo(
    () => candidatesOf(agents, groups ?? [], user ? { id: user.id, displayName: user.displayName } : undefined),
    [agents, groups, user],
  );

  return (
    <div data-testid="groups-editor">
      <ErrorBanner error={error} message={slaErrorMessage(error, t)} onRetry={() => setGeneration((value) => value + 1)} />
      {groups === null && !error && <p className="muted loading">{t('common.loading')}</p>}
      {groups?.length === 0 && <p className="muted">{t('group.empty')}</p>}
      {groups?.map((group) => (
        <GroupForm
          key={group.name}
          api={api}
          group={group}
          candidates={candidates}
          onSaved={(stored) => setGroups((current) => current?.map((entry) => (entry.name === stored.name ? stored : entry)) ?? null)}
        />
      ))}
    </div>
  );
}
