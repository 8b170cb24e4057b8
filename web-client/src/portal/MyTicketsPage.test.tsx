import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../api/client';
import { ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { useTicketList } from '../tickets/useTicketList';
import { MyTicketsPage } from './MyTicketsPage';

const NO_FILTER = {};

function Harness({ api }: { api: ApiClient }) {
  const list = useTicketList(api, NO_FILTER);
  return <MyTicketsPage api={api} list={list} />;
}

describe('MyTicketsPage', () => {
  it('puts a newly created ticket at the top of the list, then reloads the list from the server', async () => {
    const old = ticket({ subject: 'Old problem' });
    const created = ticket({ subject: 'Brand new problem', number: 2001 });
    const stored = [old];
    const mock = mockFetch((request) => {
      if (request.method !== 'POST') return jsonResponse(200, { items: [...stored], nextCursor: null });
      stored.unshift(created);
      return jsonResponse(201, created);
    });
    renderWithI18n(<Harness api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} />);
    await screen.findByText('Old problem');

    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'Brand new problem' } });
    fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: 'details' } });
    fireEvent.click(screen.getByTestId('new-ticket-submit'));

    await waitFor(() => expect(screen.getAllByTestId('ticket-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('ticket-row');
    expect(rows[0]?.textContent).toContain('Brand new problem');
    expect(rows[0]?.className).toContain('highlight');
    expect(screen.getByTestId('ticket-created').textContent).toContain('Ticket #2001 was created.');
    await waitFor(() => expect(mock.calls.filter((call) => call.method === 'GET' && call.path === '/api/tickets')).toHaveLength(2));
    expect(screen.getAllByTestId('ticket-row').map((row) => row.getAttribute('data-ticket-id'))).toEqual([created.id, old.id]);
  });
});
