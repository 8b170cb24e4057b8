import './knowledge.css';
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import type { User } from '../api/types';
import { ticketHref } from '../app/hashRoute';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useDebounced } from './ArticleSuggestions';
import { kbApi, type Article, type ArticleDraft, type ArticleStatus, type KnowledgeTask } from './kbApi';
import { useKbTexts, type KbTextKey } from './texts';

const EMPTY_DRAFT: ArticleDraft = { title: '', module: '', faultType: '', symptoms: '', cause: '', solution: '', status: 'DRAFT' };
const SHORT_FIELDS = ['title', 'module', 'faultType'] as const;
const LONG_FIELDS = ['symptoms', 'cause', 'solution'] as const;
type DraftField = (typeof SHORT_FIELDS)[number] | (typeof LONG_FIELDS)[number] | 'status';

interface Row {
  id: string;
  title: string;
  status: ArticleStatus;
  module: string | null;
  score?: number;
}

const draftOf = (article: Article): ArticleDraft => ({
  title: article.title,
  module: article.module ?? '',
  faultType: article.faultType ?? '',
  symptoms: article.symptoms ?? '',
  cause: article.cause ?? '',
  solution: article.solution ?? '',
  status: article.status,
});

/** `#/kb`: the knowledge base (list, search, write and edit) and the knowledge tasks of the signed-in agent. */
export function KnowledgePage({ api, user }: { api: ApiClient; user: User }) {
  const x = useKbTexts();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 300);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ id: string | null; draft: ArticleDraft } | null>(null);
  const [saved, setSaved] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    const load = settled ? kbApi.search(api, settled, 20) : kbApi.articles(api);
    load.then(
      (found: Row[]) => live && setRows(found),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [api, settled, reloads]);

  async function edit(id: string) {
    setSaved(false);
    try {
      setEditing({ id, draft: draftOf(await kbApi.article(api, id)) });
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="page kb-page" data-testid="kb-page" aria-labelledby="kb-title">
      <div className="page-head">
        <h1 id="kb-title">{x('kb.title')}</h1>
        <button
          type="button"
          className="button button-primary"
          data-testid="kb-new"
          onClick={() => {
            setSaved(false);
            setEditing({ id: null, draft: EMPTY_DRAFT });
          }}
        >
          {x('kb.new')}
        </button>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {saved && (
        <p className="notice" role="status">
          {x('kb.saved')}
        </p>
      )}
      <div className="kb-layout">
        <div>
          {editing && (
            <ArticleEditor
              key={editing.id ?? 'new'}
              api={api}
              id={editing.id}
              initial={editing.draft}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setSaved(true);
                setReloads((n) => n + 1);
              }}
            />
          )}
          <label className="field">
            <span>{x('kb.search')}</span>
            <input type="search" data-testid="kb-search" value={query} onChange={(event) => setQuery(event.target.value)} />
          </label>
          {rows && rows.length === 0 && <p className="muted">{x('kb.empty')}</p>}
          <ul className="kb-list">
            {(rows ?? []).map((row) => (
              <li key={row.id} data-testid="kb-article">
                <span className="kb-ranked-title">{row.title}</span>{' '}
                <span className={`kb-status kb-status-${row.status}`}>{x(`kb.status.${row.status}` as KbTextKey)}</span>
                {row.module && <span className="muted"> · {row.module}</span>}
                {row.score !== undefined && <span className="muted"> · {x('kb.score', { n: Math.round(row.score * 100) })}</span>}{' '}
                <button type="button" className="button button-small" data-testid="kb-edit" onClick={() => void edit(row.id)}>
                  {x('kb.edit')}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <KnowledgeTasks api={api} user={user} />
      </div>
    </section>
  );
}

/** Create (POST) or edit (PUT) an article; problem+json field errors show beside their fields. */
export function ArticleEditor({
  api,
  id,
  initial,
  onSaved,
  onCancel,
}: {
  api: ApiClient;
  id: string | null;
  initial: ArticleDraft;
  onSaved: (article: Article) => void;
  onCancel: () => void;
}) {
  const x = useKbTexts();
  const formId = useId();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      onSaved(id ? await kbApi.updateArticle(api, id, draft) : await kbApi.createArticle(api, draft));
    } catch (failure) {
      setError(failure);
      if (isApiError(failure)) setFieldErrors(Object.fromEntries(failure.errors.map((e) => [e.field, e.message])));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: DraftField, control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode) => (
    <div className="field" key={name}>
      <label htmlFor={`${formId}-${name}`}>{x(`kb.field.${name}` as KbTextKey)}</label>
      {control({ id: `${formId}-${name}`, 'aria-invalid': Boolean(fieldErrors[name]), 'aria-describedby': fieldErrors[name] ? `${formId}-${name}-error` : undefined })}
      {fieldErrors[name] && (
        <span id={`${formId}-${name}-error`} className="field-error" data-testid={`kb-error-${name}`}>
          {fieldErrors[name]}
        </span>
      )}
    </div>
  );

  return (
    <form className="panel kb-editor" data-testid="kb-editor" onSubmit={save} noValidate>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {SHORT_FIELDS.map((name) =>
        field(name, (props) => (
          <input {...props} data-testid={`kb-field-${name}`} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
        )),
      )}
      {LONG_FIELDS.map((name) =>
        field(name, (props) => (
          <textarea {...props} rows={4} data-testid={`kb-field-${name}`} value={draft[name]} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
        )),
      )}
      {field('status', (props) => (
        <select {...props} data-testid="kb-field-status" value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as ArticleStatus })}>
          <option value="DRAFT">{x('kb.status.DRAFT')}</option>
          <option value="PUBLISHED">{x('kb.status.PUBLISHED')}</option>
        </select>
      ))}
      <div className="kb-editor-actions">
        <button type="submit" className="button button-primary" data-testid="kb-save" disabled={busy}>
          {x('kb.save')}
        </button>{' '}
        <button type="button" className="button" onClick={onCancel}>
          {x('kb.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Open knowledge tasks: an agent's own, a supervisor's everyone's; overdue ones flagged. */
export function KnowledgeTasks({ api, user }: { api: ApiClient; user: User }) {
  const x = useKbTexts();
  const supervisor = user.role === 'SUPERVISOR';
  const [tasks, setTasks] = useState<KnowledgeTask[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    kbApi.tasks(api, !supervisor).then(setTasks, setError);
  }, [api, supervisor]);
  useEffect(load, [load]);

  async function dismiss(id: string) {
    try {
      await kbApi.dismissTask(api, id);
      load();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="panel kb-tasks" data-testid="kb-tasks" aria-labelledby="kb-tasks-title">
      <h2 id="kb-tasks-title" className="panel-title">
        {x(supervisor ? 'kb.tasks.all' : 'kb.tasks')}
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {tasks && tasks.length === 0 && <p className="muted">{x('kb.tasks.none')}</p>}
      <ul>
        {(tasks ?? []).map((task) => (
          <li key={task.id} data-testid="kb-task" data-overdue={task.overdue}>
            {task.overdue && <strong className="kb-overdue">{x('kb.tasks.overdue')} </strong>}
            <a href={ticketHref(task.ticket.id)}>
              #{task.ticket.number} {task.ticket.subject}
            </a>
            {supervisor && task.assignee && <span className="muted"> · {task.assignee.displayName}</span>}
            <span className="muted"> · {x('kb.tasks.due', { time: new Date(task.dueAt).toLocaleString() })}</span>{' '}
            <button type="button" className="button button-small" onClick={() => void dismiss(task.id)}>
              {x('kb.tasks.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
