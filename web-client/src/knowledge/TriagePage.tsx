import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import { ErrorBanner } from '../ui/ErrorBanner';
import { kbApi, parseSkills, type KbStats, type TriageRule } from './kbApi';
import { useKbTexts, type KbTextKey } from './texts';

const FIELDS = ['keywords', 'tags', 'module', 'faultType'] as const;
type RuleField = (typeof FIELDS)[number];

/** One rule as typed: lists as comma separated text; `key` keeps React rows stable while rows move. */
type RuleRow = { key: number } & Record<RuleField, string>;

/** A row back into the JSON the server takes: lists split on either comma, blank module or fault type as null. */
export function ruleOf(row: RuleRow): TriageRule {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  return { keywords: parseSkills(row.keywords), tags: parseSkills(row.tags), module: text(row.module), faultType: text(row.faultType) };
}

/** `#/triage` (supervisors): the keyword rules that tag new tickets (the whole ordered list is saved at once), and knowledge figures. */
export function TriagePage({ api }: { api: ApiClient }) {
  const x = useKbTexts();
  const nextKey = useRef(0);
  const rowOf = useCallback((rule?: TriageRule): RuleRow => {
    nextKey.current += 1;
    return {
      key: nextKey.current,
      keywords: rule?.keywords.join(', ') ?? '',
      tags: rule?.tags.join(', ') ?? '',
      module: rule?.module ?? '',
      faultType: rule?.faultType ?? '',
    };
  }, []);
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const formId = useId();

  const load = useCallback(() => {
    setError(null);
    kbApi.triageRules(api).then((rules) => setRows(rules.map((rule) => rowOf(rule))), setError);
  }, [api, rowOf]);
  useEffect(load, [load]);

  // errors name rows by position ("[2].tags"), so any change that moves rows makes them stale
  function change(next: RuleRow[], keepErrors = false) {
    setRows(next);
    setSaved(false);
    if (!keepErrors) setFieldErrors({});
  }

  function edit(index: number, field: RuleField, value: string) {
    if (!rows) return;
    change(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)), true);
    setFieldErrors((errors) => ({ ...errors, [`[${index}].${field}`]: undefined }));
  }

  function move(index: number, by: -1 | 1) {
    if (!rows) return;
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(index + by, 0, row);
    change(next);
  }

  async function save() {
    if (!rows) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setSaved(false);
    try {
      const stored = await kbApi.saveTriageRules(api, rows.map(ruleOf));
      setRows(stored.map((rule) => rowOf(rule)));
      setSaved(true);
    } catch (failure) {
      setError(failure);
      if (isApiError(failure)) setFieldErrors(Object.fromEntries(failure.errors.map((e) => [e.field, e.message])));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page triage-page" data-testid="triage-page" aria-labelledby="triage-title">
      <div className="page-head">
        <h1 id="triage-title">{x('triage.title')}</h1>
      </div>
      <KnowledgeStats api={api} />
      <h2>{x('triage.rules')}</h2>
      <p className="muted">{x('triage.help')}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} onRetry={rows ? undefined : load} />
      {saved && (
        <p className="notice" role="status" data-testid="triage-saved">
          {x('triage.saved')}
        </p>
      )}
      {rows && (
        <>
          <table className="table triage-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                {FIELDS.map((field) => (
                  <th scope="col" key={field}>
                    {x(`triage.field.${field}` as KbTextKey)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{x('triage.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key} data-testid="triage-rule">
                  <td>{index + 1}</td>
                  {FIELDS.map((field) => {
                    const message = fieldErrors[`[${index}].${field}`];
                    const errorId = `${formId}-${row.key}-${field}-error`;
                    return (
                      <td key={field}>
                        <input
                          data-testid={`triage-${field}`}
                          aria-label={x('triage.cell', { field: x(`triage.field.${field}` as KbTextKey), n: index + 1 })}
                          placeholder={field === 'keywords' ? x('triage.keywordsHint') : field === 'tags' ? x('triage.listHint') : undefined}
                          aria-invalid={Boolean(message)}
                          aria-describedby={message ? errorId : undefined}
                          value={row[field]}
                          onChange={(event) => edit(index, field, event.target.value)}
                        />
                        {message && (
                          <span id={errorId} className="field-error" data-testid={`triage-error-${field}`}>
                            {message}
                          </span>
                        )}
                      </td>
                    );
                  })}
                  <td className="triage-actions">
                    <button type="button" className="button button-small" aria-label={x('triage.up', { n: index + 1 })} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button type="button" className="button button-small" aria-label={x('triage.down', { n: index + 1 })} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </button>
                    <button type="button" className="button button-small" data-testid="triage-remove" onClick={() => change(rows.filter((_, i) => i !== index))}>
                      {x('triage.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted">{x('triage.empty')}</p>}
          <div className="actions-row">
            <button type="button" className="button" data-testid="triage-add" onClick={() => change([...rows, rowOf()])}>
              {x('triage.add')}
            </button>
            <button type="button" className="button button-primary" data-testid="triage-save" disabled={busy} onClick={() => void save()}>
              {x('triage.save')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** A few figures of `GET /api/kb/stats` (supervisors): deflections, adoption, open and overdue knowledge tasks. */
export function KnowledgeStats({ api }: { api: ApiClient }) {
  const x = useKbTexts();
  const [stats, setStats] = useState<KbStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    kbApi.stats(api).then(setStats, setError);
  }, [api]);
  useEffect(load, [load]);

  const figures: [string, KbTextKey, string][] = stats
    ? [
        ['deflections', 'stats.deflections', String(stats.deflections)],
        ['adoption', 'stats.adoption', stats.adoptionRate === null ? '—' : `${Math.round(stats.adoptionRate * 100)}%`],
        ['open', 'stats.openTasks', String(stats.openTasks)],
        ['overdue', 'stats.overdueTasks', String(stats.overdueTasks)],
      ]
    : [];

  return (
    <section className="kb-stats" data-testid="kb-stats" aria-labelledby="kb-stats-title">
      <h2 id="kb-stats-title">{x('stats.title')}</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} onRetry={load} />
      {stats && (
        <>
          <dl className="kb-figures">
            {figures.map(([id, label, value]) => (
              <div key={id} className="kb-figure" data-overdue={id === 'overdue' && stats.overdueTasks > 0 ? 'true' : undefined}>
                <dt>{x(label)}</dt>
                <dd data-testid={`kb-stat-${id}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">{x('stats.adoptionOf', { linked: stats.solvedWithArticle, solved: stats.solvedTickets })}</p>
        </>
      )}
    </section>
  );
}
