import './reports.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ticketHref } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import { formatDuration } from '../ui/time';
import { useTexts } from '../wallboard/texts';
import { DateRangeFields } from './DateRangeFields';
import { createReportsApi, lastWeek, type Bottleneck, type Range, type TicketHealthReport } from './reportsApi';

const STAGES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD'];
const SHOWN = 50;

/** Supervisor: where tickets' time goes, per ticket and across tickets (the bottleneck per priority and agent). */
export function TicketHealthPage({ api }: { api: ApiClient }) {
  const x = useTexts();
  const t = useT();
  const reports = useMemo(() => createReportsApi(api), [api]);
  const [range, setRange] = useState<Range>(() => lastWeek());
  const [report, setReport] = useState<TicketHealthReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    reports.health(range).then(
      (next) => {
        setReport(next);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [reports, range]);
  useEffect(load, [load]);

  const time = (s: number | undefined) => (s ? formatDuration(s * 1000, t) : '–');

  const groups = (title: string, rows: Bottleneck[], testId: string, agents: boolean) => (
    <>
      <h2>{title}</h2>
      <div className="table-wrap">
        <table className="ticket-table" data-testid={testId}>
          <thead>
            <tr>
              <th>{x('reports.col.group')}</th>
              <th>{x('health.col.count')}</th>
              {STAGES.map((stage) => (
                <th key={stage}>{stage}</th>
              ))}
              <th>{x('health.col.bottleneck')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <td>{agents ? (row.displayName ?? x('health.none')) : row.group}</td>
                <td>{row.tickets}</td>
                {STAGES.map((stage) => (
                  <td key={stage} className={row.bottleneck === stage ? 'health-bottleneck' : undefined}>
                    {time(row.secondsInStatus[stage])}
                  </td>
                ))}
                <td>
                  <strong>{row.bottleneck ?? '–'}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );

  return (
    <section className="page" aria-labelledby="health-title" data-testid="health-page">
      <div className="page-head">
        <h1 id="health-title">{x('health.title')}</h1>
      </div>
      <form
        className="report-form"
        onSubmit={(event) => {
          event.preventDefault();
          load();
        }}
      >
        <DateRangeFields range={range} onChange={setRange} />
        <button type="submit" className="button">
          {x('reports.load')}
        </button>
      </form>
      {error !== null && <ErrorBanner error={error} />}
      {report && report.tickets === 0 && <p>{x('health.empty')}</p>}
      {report && report.tickets > 0 && (
        <>
          {groups(x('health.byPriority'), report.byPriority, 'health-by-priority', false)}
          {groups(x('health.byAgent'), report.byAgent, 'health-by-agent', true)}
          <h2>{x('health.tickets')}</h2>
          <div className="table-wrap">
            <table className="ticket-table" data-testid="health-tickets">
              <thead>
                <tr>
                  <th>{x('health.col.ticket')}</th>
                  {STAGES.map((stage) => (
                    <th key={stage}>{stage}</th>
                  ))}
                  <th>{x('health.col.assignees')}</th>
                  <th>{x('health.col.bottleneck')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.slice(0, SHOWN).map((row) => (
                  <tr key={row.id} data-testid="health-row">
                    <td>
                      <a href={ticketHref(row.id)}>
                        #{row.number} {row.subject}
                      </a>{' '}
                      <small>
                        {row.priority} · {row.status}
                      </small>
                    </td>
                    {STAGES.map((stage) => (
                      <td key={stage} className={row.bottleneck === stage ? 'health-bottleneck' : undefined}>
                        {time(row.secondsInStatus[stage])}
                      </td>
                    ))}
                    <td>
                      {row.secondsWithAssignee
                        .filter((entry) => entry.seconds > 0)
                        .map((entry) => `${entry.displayName ?? x('health.none')} ${time(entry.seconds)}`)
                        .join(', ')}
                    </td>
                    <td>
                      <strong>{row.bottleneck ?? '–'}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
