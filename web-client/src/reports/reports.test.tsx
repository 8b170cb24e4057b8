import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { lastWeek, rangeQuery } from './reportsApi';
import { ReportsPage } from './ReportsPage';
import { TicketHealthPage } from './TicketHealthPage';

const row = {
  group: 'P1',
  label: 'P1',
  firstResponseMedianSeconds: 600,
  resolutionMedianSeconds: 7200,
  csatAverage: 4.5,
  nps: 20,
  fcrRate: 0.5,
  repeatRate: 0.1,
  slaCompliance: 1,
  kbAdoptionRate: 0.5,
  opened: 3,
  resolved: 2,
  surveys: 2,
};

describe('reports', () => {
  it('turns dates into the UTC range the API takes, the end date included', () => {
    expect(rangeQuery({ from: '2026-11-16', to: '2026-11-22' })).toEqual({ from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z' });
    expect(lastWeek(new Date('2026-11-22T10:00:00Z'))).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('shows the KPI table for the chosen grouping', async () => {
    const { fetch, calls } = mockFetch(() => jsonResponse(200, { from: '', to: '', groupBy: 'day', rows: [row] }));
    const api = createApiClient({ fetch, getToken: () => 't', onUnauthorized: () => undefined });
    renderWithI18n(<ReportsPage api={api} />);
    expect(await screen.findAllByTestId('report-row')).toHaveLength(1);
    expect(screen.getByTestId('report-table').textContent).toContain('10 min');
    expect(calls[0]?.path).toBe('/api/reports/kpis');
    expect(calls[0]?.search.get('groupBy')).toBe('day');
  });

  it('shows the bottleneck per priority and per ticket', async () => {
    const { fetch } = mockFetch(() =>
      jsonResponse(200, {
        from: '',
        to: '',
        tickets: 1,
        items: [
          {
            id: 't1',
            number: 1001,
            subject: 'Slow',
            priority: 'P2',
            status: 'SOLVED',
            assignee: 'Alice',
            secondsInStatus: { NEW: 600, PENDING: 3600 },
            secondsWithAssignee: [{ id: 'a', displayName: 'Alice', seconds: 4200 }],
            bottleneck: 'PENDING',
          },
        ],
        byPriority: [{ group: 'P2', displayName: null, tickets: 1, secondsInStatus: { NEW: 600, PENDING: 3600 }, bottleneck: 'PENDING' }],
        byAgent: [],
      }),
    );
    const api = createApiClient({ fetch, getToken: () => 't', onUnauthorized: () => undefined });
    renderWithI18n(<TicketHealthPage api={api} />, 'zh-CN');
    await waitFor(() => expect(screen.getAllByTestId('health-row')).toHaveLength(1));
    expect(screen.getByTestId('health-by-priority').textContent).toContain('PENDING');
    expect(screen.getByText('工单健康度')).toBeTruthy();
  });
});
