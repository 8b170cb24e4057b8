import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { alice, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { useState } from 'react';
import { DEFAULT_FILTERS, type AgentFilters } from './filters';
import { TicketListPage } from './TicketListPage';

function Harness({ api }: { api: ReturnType<typeof createApiClient> }) {
  const [filters, setFilters] = useState<AgentFilters>(DEFAULT_FILTERS);
  return <TicketListPage api={api} filters={filters} onFiltersChange={setFilters} />;
}

function setup(handler: Handler) {
  const mock = mockFetch(handler);
  renderWithI18n(<Harness api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} />);
  return mock.calls;
}

const first = ticket({
  id: 'a1',
  number: 1042,
  subject: 'VPN drops every hour',
  priority: 'P1',
  status: 'NEW',
  assignee: { id: alice.id, displayName: alice.displayName },
});
const second = ticket({ id: 'a2', number: 1043, subject: 'Invoice missing', priority: 'P4', status: 'PENDING', sla: null });
const third = ticket({ id: 'a3', number: 1044, subject: 'Password reset', priority: 'P3' });

describe('TicketListPage', () => {
  it('renders one row per ticket with number, subject, customer, badges and assignee', async () => {
    setup(() => jsonResponse(200, { items: [first, second], nextCursor: null }));
    const rows = await screen.findAllByTestId('ticket-row');
    expect(rows).toHaveLength(2);
    const row = within(rows[0] as HTMLElement);
    expect(row.getByText('#1042')).toBeTruthy();
    expect(row.getByRole('link', { name: 'VPN drops every hour' }).getAttribute('href')).toBe('#/tickets/a1');
    expect(row.getByText('Carol Customer')).toBeTruthy();
    expect(row.getByText('P1').className).toContain('priority-p1');
    expect(row.getByText('New')).toBeTruthy();
    expect(row.getByText('Alice Agent')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('Unassigned')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('No SLA')).toBeTruthy();
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('loads the next page with the cursor and appends it', async () => {
    const calls = setup((request) =>
      request.search.get('cursor') === 'next-1'
        ? jsonResponse(200, { items: [third], nextCursor: null })
        : jsonResponse(200, { items: [first, second], nextCursor: 'next-1' }),
    );
    await screen.findAllByTestId('ticket-row');
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('ticket-row')).toHaveLength(3));
    expect(calls[1]?.search.get('cursor')).toBe('next-1');
    expect(screen.queryByTestId('load-more')).toBeNull();
    expect(screen.getByText('3 shown')).toBeTruthy();
  });

  it('asks the server again when a filter changes', async () => {
    const calls = setup(() => jsonResponse(200, { items: [first], nextCursor: null }));
    await screen.findAllByTestId('ticket-row');
    fireEvent.change(screen.getByLabelText('Assignee'), { target: { value: 'none' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'OPEN' } });
    await waitFor(() => expect(calls.at(-1)?.search.get('status')).toBe('OPEN'));
    expect(calls.at(-1)?.search.get('assignee')).toBe('none');
  });

  it('sends the search text after Enter', async () => {
    const calls = setup(() => jsonResponse(200, { items: [], nextCursor: null }));
    await screen.findByText('No tickets match these filters.');
    const search = screen.getByLabelText('Search');
    fireEvent.change(search, { target: { value: 'vpn' } });
    fireEvent.submit(search.closest('form') as HTMLFormElement);
    await waitFor(() => expect(calls.at(-1)?.search.get('q')).toBe('vpn'));
  });

  it('shows a problem with a retry button', async () => {
    let fail = true;
    setup(() => (fail ? problem(503, 'Service Unavailable', { detail: 'database is restarting' }) : jsonResponse(200, { items: [first], nextCursor: null })));
    expect((await screen.findByRole('alert')).textContent).toContain('database is restarting');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId('ticket-row')).toHaveLength(1);
  });
});
