import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { carol, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { PortalTicketDetail } from './PortalTicketDetail';

describe('PortalTicketDetail', () => {
  it('marks the ticket solved with If-Match, reloads the timeline and tells the list', async () => {
    const open = ticket({
      id: 'p1',
      subject: 'Scanner jams',
      status: 'OPEN',
      version: 2,
      sla: { policy: 'P3', state: 'BREACHED', firstResponseDueAt: '2020-01-06T09:00:00Z', nextResponseDueAt: null, resolutionDueAt: null },
    });
    const solved = { ...open, status: 'SOLVED' as const, version: 3 };
    let timelineCalls = 0;
    const mock = mockFetch((request) => {
      if (request.path.endsWith('/timeline')) {
        timelineCalls += 1;
        return jsonResponse(200, [{ seq: 1, type: 'ticket.created', at: '2026-11-22T08:00:00Z', data: { ticket: open } }]);
      }
      if (request.method === 'PATCH') return jsonResponse(200, solved);
      return jsonResponse(200, open);
    });
    const onChange = vi.fn();
    renderWithI18n(<PortalTicketDetail api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} id="p1" user={carol} onChange={onChange} />);

    const detail = await screen.findByTestId('ticket-detail');
    await within(detail).findByRole('heading', { name: /Scanner jams/ });
    expect(screen.queryByText('SLA')).toBeNull();
    // the first response was due long ago: the customer hears we answer as soon as possible, no SLA terms
    expect(screen.getByTestId('respond-by').textContent).toBe('We will get back to you as soon as possible.');
    // the conversation is there, without the agents' internal-note switch
    expect(within(screen.getByTestId('chat-pane')).queryByTestId('chat-internal-toggle')).toBeNull();
    fireEvent.click(screen.getByTestId('mark-solved'));

    await waitFor(() => expect(screen.queryByTestId('mark-solved')).toBeNull());
    const patch = mock.calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('2');
    expect(patch?.body).toEqual({ status: 'SOLVED' });
    expect(onChange).toHaveBeenCalledWith(solved);
    expect(screen.getAllByText('Solved').length).toBeGreaterThan(0);
    await waitFor(() => expect(timelineCalls).toBe(2));
  });
});
