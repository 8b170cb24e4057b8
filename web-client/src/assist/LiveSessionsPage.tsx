import './assist.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ticketHref } from '../app/hashRoute';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { ALL_TICKETS_TOPIC } from '../realtime/events';
import { useSubscription } from '../realtime/RealtimeProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import { formatDateTime } from '../ui/time';
import type { AssistSessionView } from '../webrtc/assistState';
import { createAssistApi } from './assistApi';

const REFRESH_MS = 15_000;

/**
 * Supervisor: the live assist sessions of every ticket (GET /api/assist-sessions?state=live), kept
 * current by the `assist.*` events on /topic/tickets (and a slow poll), with End on each.
 */
export function LiveSessionsPage({ api }: { api: ApiClient }) {
  const t = useT();
  const [language] = useLanguage();
  const assistApi = useMemo(() => createAssistApi(api), [api]);
  const [sessions, setSessions] = useState<AssistSessionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    assistApi.live().then(
      (list) => {
        setSessions(list);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [assistApi]);

  useEffect(() => {
    load();
    const poll = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(poll);
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, [load]);

  // a burst of assist events reloads once
  const onEvent = useCallback(
    (event: { type: string }) => {
      if (!event.type.startsWith('assist.') || timer.current !== null) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        load();
      }, 300);
    },
    [load],
  );
  useSubscription(ALL_TICKETS_TOPIC, onEvent, { onResync: load });

  const end = async (session: AssistSessionView) => {
    setEnding(session.id);
    try {
      await assistApi.end(session.id);
      setSessions((list) => list?.filter((entry) => entry.id !== session.id) ?? null);
    } catch (failure) {
      setError(failure);
    } finally {
      setEnding(null);
      load();
    }
  };

  return (
    <section className="page" aria-labelledby="assist-sessions-title" data-testid="assist-sessions-page">
      <div className="page-head">
        <h1 id="assist-sessions-title">{t('assist.live.title')}</h1>
        <button type="button" className="button button-small" onClick={load}>
          {t('assist.live.refresh')}
        </button>
      </div>
      <ErrorBanner error={error} onRetry={load} />
      {sessions === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : sessions.length === 0 ? (
        <p className="muted" data-testid="assist-sessions-empty">
          {t('assist.live.empty')}
        </p>
      ) : (
        <table className="ticket-table assist-sessions" data-testid="assist-sessions">
          <thead>
            <tr>
              <th scope="col">{t('assist.live.ticket')}</th>
              <th scope="col">{t('assist.live.agent')}</th>
              <th scope="col">{t('assist.live.customer')}</th>
              <th scope="col">{t('assist.live.state')}</th>
              <th scope="col">{t('assist.scopes')}</th>
              <th scope="col">{t('assist.live.since')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('assist.end')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} data-testid="assist-session-row" data-session-id={session.id} data-state={session.state}>
                <td>
                  <a href={ticketHref(session.ticketId)}>#{session.ticketNumber ?? '?'}</a>
                </td>
                <td>{session.agentName ?? session.agentId}</td>
                <td>{session.customerName ?? session.customerId}</td>
                <td>{t(`assist.state.${session.state}`)}</td>
                <td>{(session.grantedScopes.length ? session.grantedScopes : session.requestedScopes).map((scope) => t(`assist.scope.${scope}`)).join(', ')}</td>
                <td>{formatDateTime(session.consentedAt ?? session.createdAt, language)}</td>
                <td>
                  <button type="button" className="button button-small button-danger" data-testid="assist-session-end" disabled={ending === session.id} onClick={() => void end(session)}>
                    {t('assist.end')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
