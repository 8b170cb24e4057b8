import { queryString, type ApiClient } from '../api/client';
import { problemFromResponse } from '../api/problem';
import { loadSession } from '../api/session';

export type GroupBy = 'day' | 'agent' | 'priority';

export interface KpiRow {
  group: string;
  label: string | null;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  csatAverage: number | null;
  nps: number | null;
  fcrRate: number | null;
  repeatRate: number | null;
  slaCompliance: number | null;
  kbAdoptionRate: number | null;
  opened: number;
  resolved: number;
  surveys: number;
}

export interface KpiReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: KpiRow[];
}

export interface Bottleneck {
  group: string;
  displayName: string | null;
  tickets: number;
  secondsInStatus: Record<string, number>;
  bottleneck: string | null;
}

export interface HealthRow {
  id: string;
  number: number;
  subject: string;
  priority: string;
  status: string;
  assignee: string | null;
  secondsInStatus: Record<string, number>;
  secondsWithAssignee: { id: string | null; displayName: string | null; seconds: number }[];
  bottleneck: string | null;
}

export interface TicketHealthReport {
  from: string;
  to: string;
  tickets: number;
  items: HealthRow[];
  byPriority: Bottleneck[];
  byAgent: Bottleneck[];
}

export interface Range {
  from: string;
  to: string;
}

/** `YYYY-MM-DD` dates (UTC) to the instants the API takes: `to` is the end of that day. */
export function rangeQuery(range: Range): { from: string; to: string } {
  const end = new Date(`${range.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { from: `${range.from}T00:00:00Z`, to: end.toISOString().replace('.000Z', 'Z') };
}

/** The last seven days up to today, as dates. */
export function lastWeek(now: Date = new Date()): Range {
  const to = now.toISOString().slice(0, 10);
  const start = new Date(now);
  start.setUTCDate(start.getUTCDate() - 6);
  return { from: start.toISOString().slice(0, 10), to };
}

export function createReportsApi(api: ApiClient) {
  return {
    kpis: (range: Range, groupBy: GroupBy) => api.call<KpiReport>('GET', `/api/reports/kpis${queryString({ ...rangeQuery(range), groupBy })}`),
    health: (range: Range) => api.call<TicketHealthReport>('GET', `/api/reports/ticket-health${queryString(rangeQuery(range))}`),
    wallboardToken: () => api.call<{ token: string; url: string; expiresAt: string }>('POST', '/api/wallboard/tokens'),
    /** The same report as CSV, fetched with the session's token and handed to the browser as a download. */
    async downloadCsv(range: Range, groupBy: GroupBy): Promise<void> {
      const token = loadSession()?.token;
      const response = await fetch(`/api/reports/kpis${queryString({ ...rangeQuery(range), groupBy })}`, {
        headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
      if (!response.ok) throw await problemFromResponse(response);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `kpis-${groupBy}-${range.from}-${range.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    },
  };
}
