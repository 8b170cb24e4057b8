import './wallboard.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/problem';
import type { ApiClient } from '../api/client';
import type { Priority } from '../api/types';
import { useLanguage } from '../i18n/I18nProvider';
import { useConnectionState, useSubscription } from '../realtime/RealtimeProvider';
import { ConnectionIndicator } from '../ui/ConnectionIndicator';
import { useNow } from '../ui/useNow';
import { formatCountdown, formatSpan } from '../sla/format';
import { useServerOffset } from '../sla/ServerClockProvider';
import { useT } from '../i18n/I18nProvider';
import { Chart } from './Chart';
import {
  byPriorityOption,
  decimal,
  gauge,
  percent,
  PRIORITIES,
  remaining,
  responseOption,
  seconds,
  slaOption,
  tone,
  windowHours,
  type Tone,
  type Wallboard,
} from './figures';
import { useTexts, type TextKey } from './texts';

/** A safety net under the pushes: the board is read again this often even if nothing arrives. */
const REFRESH_MS = 60_000;

type Failure = 'expired' | 'forbidden' | null;

/** Dispatched on `window` when the wall-board token was refused (REST 401 or the STOMP CONNECT). */
export const TOKEN_EXPIRED_EVENT = 'lifeline:wallboard-token-expired';

/**
 * The wall board: a kiosk page for a TV. No interaction: it loads GET /api/wallboard, follows `wallboard.updated`
 * pushes on /topic/wallboard, reloads after every reconnect (the shared client reconnects by itself) and once a
 * minute, and counts the at-risk tickets down every second on the server's clock.
 */
export function WallboardApp({ api, failure: initialFailure = null }: { api: ApiClient; failure?: Failure }) {
  const x = useTexts();
  const [board, setBoard] = useState<Wallboard | null>(null);
  const offset = useServerOffset();
  const [failure, setFailure] = useState<Failure>(initialFailure);
  const state = useConnectionState();

  const accept = useCallback((next: Wallboard) => setBoard(next), []);

  const load = useCallback(() => {
    api.call<Wallboard>('GET', '/api/wallboard').then(accept, (error: unknown) => {
      if (error instanceof ApiError && error.status === 403) setFailure('forbidden');
      if (error instanceof ApiError && error.status === 401) setFailure('expired');
    });
  }, [api, accept]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    const expired = () => setFailure('expired');
    window.addEventListener(TOKEN_EXPIRED_EVENT, expired);
    return () => window.removeEventListener(TOKEN_EXPIRED_EVENT, expired);
  }, []);

  // after a reconnect pushes may have been missed (they are not replayed): read the board again
  useEffect(() => {
    if (state === 'connected') load();
  }, [state, load]);

  useSubscription('/topic/wallboard', (event) => accept(event.data as Wallboard), {
    onError: () => setFailure('forbidden'),
  });

  if (failure) {
    return (
      <main className="wb wb-message" data-testid="wallboard-failure">
        <p>{x(failure === 'expired' ? 'wb.tokenExpired' : 'wb.forbidden')}</p>
      </main>
    );
  }
  if (!board) {
    return (
      <main className="wb wb-message">
        <p>{x('wb.loading')}</p>
      </main>
    );
  }
  return <Board board={board} offset={offset} connection={state} />;
}

function Board({ board, offset, connection }: { board: Wallboard; offset: number; connection: ReturnType<typeof useConnectionState> }) {
  const x = useTexts();
  const [language] = useLanguage();
  const now = useNow(1_000);
  const targets = board.targets;
  const byPriority = useMemo(() => byPriorityOption(board, language), [board, language]);
  const sla = useMemo(() => slaOption(board, language), [board, language]);
  const response = useMemo(() => responseOption(board, language), [board, language]);
  const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(now + offset));

  return (
    <main className="wb" data-testid="wallboard" data-at={board.at}>
      <header className="wb-head">
        <h1>{x('wb.title')}</h1>
        <span className="wb-window">{x('wb.window', { hours: windowHours(board.window) })}</span>
        <span className="wb-clock" data-testid="wallboard-clock">
          {clock}
        </span>
        {connection && <ConnectionIndicator state={connection} />}
      </header>

      <section className="wb-tiles" aria-label={x('wb.title')}>
        <div className="wb-tile wb-tile-open" data-testid="tile-open">
          <h2>{x('wb.open')}</h2>
          <div className="wb-value" data-testid="open-total">
            {board.openTotal}
          </div>
          <div className="wb-priorities">
            {PRIORITIES.map((p: Priority) => (
              <span key={p} className={`wb-prio wb-prio-${p}`} data-testid={`open-${p}`}>
                {p} <b>{board.openByPriority[p] ?? 0}</b>
              </span>
            ))}
          </div>
        </div>
        <Count label="wb.unassigned" value={board.unassigned} testId="tile-unassigned" alarm={board.unassigned > 0} />
        <Count label="wb.slaAtRisk" value={board.slaAtRisk} testId="tile-at-risk" alarm={board.slaAtRisk > 0} />
        <Count label="wb.slaBreached" value={board.slaBreached} testId="tile-breached" alarm={board.slaBreached > 0} />
        <Target
          label="wb.firstResponse"
          testId="tile-first-response"
          text={seconds(board.firstResponseMedianSeconds, x)}
          target={x('wb.target.below', { value: seconds(targets.firstResponseSeconds, x) })}
          tone={tone(board.firstResponseMedianSeconds, targets.firstResponseSeconds, 'lower')}
          bar={gauge(board.firstResponseMedianSeconds, targets.firstResponseSeconds, targets.firstResponseSeconds * 2)}
        />
        <Target
          label="wb.resolution"
          testId="tile-resolution"
          text={seconds(board.resolutionMedianSeconds, x)}
          target={x('wb.target.below', { value: seconds(targets.resolutionSeconds, x) })}
          tone={tone(board.resolutionMedianSeconds, targets.resolutionSeconds, 'lower')}
          bar={gauge(board.resolutionMedianSeconds, targets.resolutionSeconds, targets.resolutionSeconds * 2)}
        />
        <Target
          label="wb.csat"
          testId="tile-csat"
          text={decimal(board.csatAverage, x)}
          target={x('wb.target.above', { value: targets.csatAverage.toFixed(1) })}
          tone={tone(board.csatAverage, targets.csatAverage, 'higher')}
          bar={gauge(board.csatAverage, targets.csatAverage, 5)}
        />
        <Target
          label="wb.repeat"
          testId="tile-repeat"
          text={percent(board.repeatRate, x)}
          target={x('wb.target.below', { value: percent(targets.repeatRate, x, 0) })}
          tone={tone(board.repeatRate, targets.repeatRate, 'lower')}
          bar={gauge(board.repeatRate, targets.repeatRate, targets.repeatRate * 4)}
        />
        <Count label="wb.fcr" value={percent(board.fcrRate, x)} testId="tile-fcr" />
        <Count label="wb.kbAdoption" value={percent(board.kbAdoptionRate, x)} testId="tile-kb-adoption" />
        <Count label="wb.nps" value={board.nps === null ? x('wb.noData') : Math.round(board.nps)} testId="tile-nps" />
        <Count label="wb.assists" value={board.activeAssistSessions} testId="tile-assists" />
      </section>

      <section className="wb-charts">
        <figure className="wb-panel">
          <figcaption>{x('wb.chart.byPriority')}</figcaption>
          <Chart option={byPriority} label={x('wb.chart.byPriority')} testId="chart-by-priority" />
        </figure>
        <figure className="wb-panel">
          <figcaption>
            {x('wb.chart.sla')} · {percent(board.slaCompliance, x)}
          </figcaption>
          <Chart option={sla} label={x('wb.chart.sla')} testId="chart-sla" />
        </figure>
        <figure className="wb-panel">
          <figcaption>{x('wb.chart.response')}</figcaption>
          <Chart option={response} label={x('wb.chart.response')} testId="chart-response" />
        </figure>
      </section>

      <section className="wb-bottom">
        <AtRiskList board={board} now={now} offset={offset} />
        <AgentGrid board={board} />
      </section>
    </main>
  );
}

function Count({ label, value, testId, alarm = false }: { label: TextKey; value: number | string; testId: string; alarm?: boolean }) {
  const x = useTexts();
  return (
    <div className={`wb-tile${alarm ? ' wb-alarm' : ''}`} data-testid={testId}>
      <h2>{x(label)}</h2>
      <div className="wb-value">{value}</div>
    </div>
  );
}

function Target(props: { label: TextKey; testId: string; text: string; target: string; tone: Tone; bar: { fill: number; targetAt: number } }) {
  const x = useTexts();
  return (
    <div className={`wb-tile wb-tone-${props.tone}`} data-testid={props.testId} data-tone={props.tone}>
      <h2>{x(props.label)}</h2>
      <div className="wb-value">{props.text}</div>
      <div className="wb-gauge" aria-hidden="true">
        <div className="wb-gauge-fill" style={{ width: `${props.bar.fill * 100}%` }} />
        <div className="wb-gauge-target" style={{ left: `${props.bar.targetAt * 100}%` }} />
      </div>
      <div className="wb-target">{props.target}</div>
    </div>
  );
}

function AtRiskList({ board, now, offset }: { board: Wallboard; now: number; offset: number }) {
  const x = useTexts();
  const t = useT();
  return (
    <section className="wb-panel wb-risk" data-testid="at-risk">
      <h2>{x('wb.atRisk')}</h2>
      {board.atRisk.length === 0 ? (
        <p className="wb-quiet">{x('wb.atRisk.none')}</p>
      ) : (
        <ol>
          {board.atRisk.map((item) => {
            const left = remaining(item.dueAt, now, offset);
            const overdue = left !== null && left < 0;
            return (
              <li key={item.ticketId} className={`wb-risk-${item.state === 'BREACHED' || overdue ? 'breached' : 'risk'}`} data-testid="at-risk-item">
                <span className={`wb-prio wb-prio-${item.priority}`}>{item.priority}</span>
                <span className="wb-risk-subject">
                  #{item.number} {item.subject}
                </span>
                <span className="wb-risk-who">{item.assignee ?? x('wb.atRisk.unassigned')}</span>
                <span className="wb-risk-clock">{item.clock ? x(`wb.clock.${item.clock}` as TextKey) : ''}</span>
                <span className="wb-countdown" data-testid="countdown">
                  {left === null ? '' : overdue ? x('wb.atRisk.overdue', { time: formatSpan(-left, t) }) : formatCountdown(left, t)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function AgentGrid({ board }: { board: Wallboard }) {
  const x = useTexts();
  return (
    <section className="wb-panel wb-agents" data-testid="agents">
      <h2>{x('wb.agents')}</h2>
      <ul>
        {board.agents.map((agent) => (
          <li key={agent.id} className={`wb-agent wb-agent-${agent.status}`} data-testid="agent" data-status={agent.status}>
            <span className="wb-agent-dot" aria-hidden="true" />
            <span className="wb-agent-name">{agent.displayName}</span>
            <span className="wb-agent-status">{x(`wb.status.${agent.status}` as TextKey)}</span>
            <span className="wb-agent-load">{x('wb.agents.load', { n: agent.openAssigned })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
