import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import type { User } from '../api/types';
import { ErrorBanner } from '../ui/ErrorBanner';
import { AGENT_STATUSES, kbApi, parseSkills, type AgentStatus, type AgentView } from './kbApi';
import { useKbTexts, type KbTextKey } from './texts';

/** The console header's status switcher (PUT /api/agents/me/status); starts from what GET /api/agents says of me. */
export function AgentStatusSwitch({ api, user }: { api: ApiClient; user: User }) {
  const x = useKbTexts();
  const [status, setStatus] = useState<AgentStatus>('AVAILABLE');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    kbApi.agents(api).then(
      (agents) => {
        const me = agents.find((agent) => agent.id === user.id);
        // OFFLINE there may only mean "no live session yet": keep the default until they choose
        if (live && me && me.status !== 'OFFLINE') setStatus(me.status);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, user.id]);

  async function choose(next: AgentStatus) {
    const before = status;
    setStatus(next);
    setFailed(false);
    try {
      await kbApi.setMyStatus(api, next);
    } catch {
      setStatus(before);
      setFailed(true);
    }
  }

  return (
    <label className="agent-status-switch" data-status={status}>
      <span className="visually-hidden">{x('agents.status')}</span>
      <select data-testid="agent-status" aria-label={x('agents.status')} aria-invalid={failed} value={status} onChange={(event) => void choose(event.target.value as AgentStatus)}>
        {AGENT_STATUSES.map((option) => (
          <option key={option} value={option}>
            {x(`agents.status.${option}` as KbTextKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** `#/agents` (supervisors): every agent's status and load, with skills, tier and capacity to edit. */
export function AgentsPage({ api }: { api: ApiClient }) {
  const x = useKbTexts();
  const [agents, setAgents] = useState<AgentView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    kbApi.agents(api).then(setAgents, setError);
  }, [api]);
  useEffect(load, [load]);

  return (
    <section className="page" data-testid="agents-page" aria-labelledby="agents-title">
      <div className="page-head">
        <h1 id="agents-title">{x('agents.title')}</h1>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} onRetry={load} />
      <table className="table agents-table">
        <thead>
          <tr>
            <th>{x('agents.name')}</th>
            <th>{x('agents.state')}</th>
            <th>{x('agents.load')}</th>
            <th>
              {x('agents.skills')} <span className="muted">({x('agents.skillsHint')})</span>
            </th>
            <th>{x('agents.tier')}</th>
            <th>{x('agents.capacity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(agents ?? []).map((agent) => (
            <ProfileRow key={agent.id} api={api} agent={agent} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ProfileRow({ api, agent }: { api: ApiClient; agent: AgentView }) {
  const x = useKbTexts();
  const [skills, setSkills] = useState(agent.skills.join(', '));
  const [tier, setTier] = useState(agent.tier);
  const [capacity, setCapacity] = useState(String(agent.capacity));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setMessage(null);
    try {
      await kbApi.setProfile(api, agent.id, { skills: parseSkills(skills), tier, capacity: Number(capacity) });
      setMessage(x('agents.saved'));
    } catch (failure) {
      setMessage(isApiError(failure) ? failure.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="agent-row">
      <td>{agent.displayName}</td>
      <td>{x(`agents.status.${agent.status}` as KbTextKey)}</td>
      <td>
        {agent.load}/{agent.capacity}
      </td>
      <td>
        <input aria-label={`${x('agents.skills')} ${agent.displayName}`} data-testid="agent-skills" value={skills} onChange={(event) => setSkills(event.target.value)} />
      </td>
      <td>
        <select aria-label={`${x('agents.tier')} ${agent.displayName}`} data-testid="agent-tier" value={tier} onChange={(event) => setTier(Number(event.target.value))}>
          <option value={1}>1</option>
          <option value={2}>2</option>
        </select>
      </td>
      <td>
        <input
          type="number"
          min={0}
          max={200}
          aria-label={`${x('agents.capacity')} ${agent.displayName}`}
          data-testid="agent-capacity"
          value={capacity}
          onChange={(event) => setCapacity(event.target.value)}
        />
      </td>
      <td>
        <button type="button" className="button button-small" data-testid="agent-save" disabled={busy} onClick={() => void save()}>
          {x('agents.save')}
        </button>
        {message && (
          <span role="status" className="muted" data-testid="agent-message">
            {' '}
            {message}
          </span>
        )}
      </td>
    </tr>
  );
}
