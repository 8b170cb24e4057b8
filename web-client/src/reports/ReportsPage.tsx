import './reports.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useLanguage } from '../i18n/I18nProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import { formatDateTime } from '../ui/time';
import { decimal, percent, seconds } from '../wallboard/figures';
import { useTexts, type TextKey } from '../wallboard/texts';
import { DateRangeFields } from './DateRangeFields';
import { createReportsApi, lastWeek, type GroupBy, type KpiReport, type Range } from './reportsApi';

const GROUPS: GroupBy[] = ['day', 'agent', 'priority'];

/** Supervisor: the KPIs per day, agent or priority over a period, as a table and as a CSV download. */
export function ReportsPage({ api }: { api: ApiClient }) {
  const x = useTexts();
  const [language] = useLanguage();
  const reports = useMemo(() => createReportsApi(api), [api]);
  const [range, setRange] = useState<Range>(() => lastWeek());
  const [groupBy, setGroupBy] = useState<GroupBy>('day');
  const [report, setReport] = useState<KpiReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);

  const load = useCallback(() => {
    reports.kpis(range, groupBy).then(
      (next) => {
        setReport(next);
        setError(null);
      },
      (failure: unknown) => setError(failure),
    );
  }, [reports, range, groupBy]);

  useEffect(load, [load]);

  const makeLink = () =>
    reports.wallboardToken().then(
      (made) => setLink({ url: new URL(made.url, window.location.origin).href, expiresAt: made.expiresAt }),
      (failure: unknown) => setError(failure),
    );

  return (
    <section className="page" aria-labelledby="reports-title" data-testid="reports-page">
      <div className="page-head">
        <h1 id="reports-title">{x('reports.title')}</h1>
        <a className="button button-small" href="/wallboard/" target="_blank" rel="noopener" data-testid="open-wallboard">
          {x('reports.wallboardLink')}
        </a>
        <button type="button" className="button button-small" onClick={makeLink} data-testid="make-wallboard-link">
          {x('reports.wallboardToken')}
        </button>
      </div>
      {link && (
        <p data-testid="wallboard-link">
          {x('reports.wallboardToken.made', { date: formatDateTime(link.expiresAt, language) })} <code>{link.url}</code>
        </p>
      )}
      <form
        className="report-form"
        onSubmit={(event) => {
          event.preventDefault();
          load();
        }}
      >
        <DateRangeFields range={range} onChange={setRange} />
        <label className="field">
          <span>{x('reports.groupBy')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)} data-testid="report-group-by">
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {x(`reports.groupBy.${g}` as TextKey)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {x('reports.load')}
        </button>
        <button type="button" className="button" data-testid="report-csv" onClick={() => reports.downloadCsv(range, groupBy).catch((failure: unknown) => setError(failure))}>
          {x('reports.csv')}
        </button>
      </form>
      {error !== null && <ErrorBanner error={error} />}
      {report && report.rows.length === 0 && <p>{x('reports.empty')}</p>}
      {report && report.rows.length > 0 && (
        <div className="table-wrap">
          <table className="ticket-table" data-testid="report-table">
            <thead>
              <tr>
                <th>{x('reports.col.group')}</th>
                <th>{x('reports.col.firstResponse')}</th>
                <th>{x('reports.col.resolution')}</th>
                <th>{x('reports.col.csat')}</th>
                <th>{x('reports.col.nps')}</th>
                <th>{x('reports.col.fcr')}</th>
                <th>{x('reports.col.repeat')}</th>
                <th>{x('reports.col.sla')}</th>
                <th>{x('reports.col.kb')}</th>
                <th>{x('reports.col.opened')}</th>
                <th>{x('reports.col.resolved')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.group} data-testid="report-row">
                  <td>{row.label ?? row.group}</td>
                  <td>{seconds(row.firstResponseMedianSeconds, x)}</td>
                  <td>{seconds(row.resolutionMedianSeconds, x)}</td>
                  <td>{decimal(row.csatAverage, x)}</td>
                  <td>{row.nps === null ? x('wb.noData') : row.nps}</td>
                  <td>{percent(row.fcrRate, x)}</td>
                  <td>{percent(row.repeatRate, x)}</td>
                  <td>{percent(row.slaCompliance, x)}</td>
                  <td>{percent(row.kbAdoptionRate, x)}</td>
                  <td>{row.opened}</td>
                  <td>{row.resolved}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
