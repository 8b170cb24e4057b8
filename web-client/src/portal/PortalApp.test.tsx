import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import type { Ticket } from '../api/types';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { carol, sessionFor, ticket } from '../testing/fixtures';
import { FakeRealtime, ticketEvent } from '../testing/fakeRealtime';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { PortalApp } from './PortalApp';

function setup(stored: Ticket[], created?: Ticket) {
  const realtime = new FakeRealtime();
  const mock = mockFetch((request) => {
    if (request.path === '/api/me') return jsonResponse(200, carol);
    if (request.method === 'POST' && created) {
      stored.unshift(created);
      return jsonResponse(201, created);
    }
    if (request.path === '/api/tickets') return jsonResponse(200, { items: [...stored], nextCursor: null });
    if (request.path.endsWith('/timeline')) return jsonResponse(200, []);
    return jsonResponse(200, stored.find((item) => request.path.endsWith(item.id)) ?? stored[0]);
  });
  renderWithI18n(
    <RealtimeProvider client={realtime}>
      <PortalApp api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} session={sessionFor(carol)} />
    </RealtimeProvider>,
  );
  return { realtime, calls: mock.calls };
}

const topics = (realtime: FakeRealtime) => realtime.active().map((entry) => entry.destination);

describe('PortalApp live updates', () => {
  it('follows each shown ticket on its own topic (never /topic/tickets) and updates its row', async () => {
    const mine = [ticket({ id: 'p2', number: 2, subject: 'Scanner jams' }), ticket({ id: 'p1', number: 1, subject: 'Wifi slow' })];
    const { realtime } = setup(mine);
    await screen.findAllByTestId('ticket-row');
    await waitFor(() => expect(topics(realtime).sort()).toEqual(['/topic/tickets.p1', '/topic/tickets.p2']));

    act(() => realtime.emit('/topic/tickets.p1', ticketEvent('ticket.updated', { ...(mine[1] as Ticket), status: 'PENDING', version: 2 }, 5, 'tickets.p1')));
    const row = screen.getAllByTestId('ticket-row')[1] as HTMLElement;
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(row.className).toContain('flash');
  });

  it('follows at most 50 tickets', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ticket({ id: `m${60 - index}`, number: 60 - index }));
    const { realtime } = setup(many);
    await screen.findAllByTestId('ticket-row');
    await waitFor(() => expect(realtime.active()).toHaveLength(50));
    expect(topics(realtime)).toContain('/topic/tickets.m60');
    expect(topics(realtime)).not.toContain('/topic/tickets.m10');
  });

  it('reloads the list when the customer creates a ticket and follows the new one', async () => {
    const created = ticket({ id: 'p3', number: 3, subject: 'New laptop please' });
    const { realtime, calls } = setup([ticket({ id: 'p1', number: 1 })], created);
    await screen.findAllByTestId('ticket-row');
    fireEvent.change(screen.getByTestId('new-ticket-subject'), { target: { value: 'New laptop please' } });
    fireEvent.change(screen.getByTestId('new-ticket-description'), { target: { value: 'Mine is slow' } });
    fireEvent.click(screen.getByTestId('new-ticket-submit'));
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET' && call.path === '/api/tickets')).toHaveLength(2));
    await waitFor(() => expect(topics(realtime)).toContain('/topic/tickets.p3'));
    expect(screen.getAllByTestId('ticket-row')[0]?.textContent).toContain('New laptop please');
  });

  it('reloads the list once when many of its streams ask for a resync at the same time', async () => {
    const mine = [ticket({ id: 'p2', number: 2 }), ticket({ id: 'p1', number: 1 })];
    const { realtime, calls } = setup(mine);
    await waitFor(() => expect(realtime.active()).toHaveLength(2));
    act(() => {
      realtime.resync('/topic/tickets.p1');
      realtime.resync('/topic/tickets.p2');
    });
    await waitFor(() => expect(calls.filter((call) => call.path === '/api/tickets')).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls.filter((call) => call.path === '/api/tickets')).toHaveLength(2);
  });

  it('shows a live change on the ticket page and carries it back to the list', async () => {
    const open = ticket({ id: 'p9', number: 9, subject: 'Printer offline', status: 'OPEN' });
    window.location.hash = '#/tickets/p9';
    const { realtime } = setup([open]);
    await screen.findByTestId('mark-solved');
    await waitFor(() => expect(realtime.active('/topic/tickets.p9').length).toBeGreaterThan(0));
    act(() => realtime.emit('/topic/tickets.p9', ticketEvent('ticket.updated', { ...open, status: 'SOLVED', version: 2 }, 4, 'tickets.p9', ['status'])));
    expect(screen.queryByTestId('mark-solved')).toBeNull();
    expect(within(screen.getByTestId('timeline')).getAllByTestId('timeline-event')).toHaveLength(1);

    act(() => {
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const row = await screen.findByTestId('ticket-row');
    expect(within(row).getByText('Solved')).toBeTruthy();
  });
});
