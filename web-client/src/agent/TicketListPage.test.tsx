import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/types';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { customerMessage, FakeRealtime, ticketEvent } from '../testing/fakeRealtime';
import { createApiClient } from '../api/client';
import { alice, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { useState } from 'react';
import { DEFAULT_FILTERS, type AgentFilters } from './filters';
import { TicketListPage } from './TicketListPage';

function Harness({ api, userId }: { api: ReturnType<typeof createApiClient>; userId?: string }) {
  const [filters, setFilters] = useState<AgentFilters>(DEFAULT_FILTERS);
  return <TicketListPage api={api} filters={filters} onFiltersChange={setFilters} userId={userId} />;
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

describe('TicketListPage live updates', () => {
  const open = ticket({ id: 'l30', number: 30, subject: 'Mail bounces', status: 'OPEN' });
  const fresh = ticket({ id: 'l20', number: 20, subject: 'Laptop fan loud', status: 'NEW' });
  const old = ticket({ id: 'l10', number: 10, subject: 'Badge reader', status: 'OPEN' });

  function live(handler: Handler) {
    const realtime = new FakeRealtime();
    const mock = mockFetch(handler);
    const { unmount } = renderWithI18n(
      <RealtimeProvider client={realtime}>
        <Harness api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} userId={alice.id} />
      </RealtimeProvider>,
    );
    const emit = (type: 'ticket.created' | 'ticket.updated', changed: Ticket, seq: number) =>
      act(() => realtime.emit('/topic/tickets', ticketEvent(type, changed, seq)));
    return { realtime, calls: mock.calls, emit, unmount };
  }

  const subjects = () => screen.getAllByTestId('ticket-row').map((row) => row.querySelector('.ticket-subject')?.textContent);

  it('subscribes to /topic/tickets and inserts a created ticket by number without a reload', async () => {
    const { realtime, calls, emit } = live(() => jsonResponse(200, { items: [open, fresh, old], nextCursor: null }));
    await screen.findAllByTestId('ticket-row');
    expect(realtime.active('/topic/tickets')).toHaveLength(1);

    emit('ticket.created', ticket({ id: 'l40', number: 40, subject: 'Brand new' }), 101);
    emit('ticket.created', ticket({ id: 'l25', number: 25, subject: 'In between' }), 102);
    expect(subjects()).toEqual(['Brand new', 'Mail bounces', 'In between', 'Laptop fan loud', 'Badge reader']);
    expect(screen.getByText('5 shown')).toBeTruthy();
    expect(calls.filter((call) => call.path === '/api/tickets')).toHaveLength(1);
    const row = screen.getAllByTestId('ticket-row')[0] as HTMLElement;
    expect(row.className).toContain('flash');
  });

  it('updates a changed row in place and flashes it briefly', async () => {
    const { emit } = live(() => jsonResponse(200, { items: [open, fresh, old], nextCursor: null }));
    await screen.findAllByTestId('ticket-row');
    emit('ticket.updated', { ...fresh, status: 'PENDING', assignee: { id: 'u-bob', displayName: 'Bob Agent' }, version: 2 }, 7);
    const row = screen.getAllByTestId('ticket-row')[1] as HTMLElement;
    expect(row.getAttribute('data-ticket-id')).toBe('l20');
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(within(row).getByText('Bob Agent')).toBeTruthy();
    expect(row.className).toContain('flash');
    await waitFor(() => expect(row.className).not.toContain('flash'), { timeout: 4_000 });
  });

  it('respects the filters: a ticket that stops matching goes, one that starts matching comes', async () => {
    const { emit } = live((request) =>
      request.search.get('status') === 'OPEN'
        ? jsonResponse(200, { items: [open, old], nextCursor: null })
        : jsonResponse(200, { items: [open, fresh, old], nextCursor: null }),
    );
    await screen.findAllByTestId('ticket-row');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'OPEN' } });
    await waitFor(() => expect(subjects()).toEqual(['Mail bounces', 'Badge reader']));

    emit('ticket.updated', { ...open, status: 'PENDING', version: 2 }, 8);
    expect(subjects()).toEqual(['Badge reader']);
    emit('ticket.updated', { ...fresh, status: 'OPEN', version: 2 }, 9);
    expect(subjects()).toEqual(['Laptop fan loud', 'Badge reader']);
    emit('ticket.created', ticket({ id: 'l50', number: 50, subject: 'Not open', status: 'NEW' }), 10);
    expect(subjects()).toEqual(['Laptop fan loud', 'Badge reader']);
  });

  it('keeps what arrived while the first page was loading', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { emit } = live(() => new Promise<Response>((resolve) => (answer = resolve)));
    await waitFor(() => expect(screen.getByText('Loading…')).toBeTruthy());
    emit('ticket.updated', { ...fresh, subject: 'Laptop fan loud', status: 'SOLVED', version: 3 }, 11);
    emit('ticket.created', ticket({ id: 'l60', number: 60, subject: 'Created during the load' }), 12);
    await act(async () => answer(jsonResponse(200, { items: [open, fresh, old], nextCursor: null })));
    await waitFor(() => expect(subjects()).toEqual(['Created during the load', 'Mail bounces', 'Laptop fan loud', 'Badge reader']));
    const row = screen.getAllByTestId('ticket-row')[2] as HTMLElement;
    expect(within(row).getByText('Solved')).toBeTruthy();
  });

  it('reloads the list over REST when the server asks for a resync', async () => {
    const { realtime, calls } = live(() => jsonResponse(200, { items: [open], nextCursor: null }));
    await screen.findAllByTestId('ticket-row');
    act(() => realtime.resync('/topic/tickets', 900));
    await waitFor(() => expect(calls.filter((call) => call.path === '/api/tickets')).toHaveLength(2));
  });

  it('unsubscribes when the list goes away', async () => {
    const { realtime, unmount } = live(() => jsonResponse(200, { items: [open], nextCursor: null }));
    await screen.findAllByTestId('ticket-row');
    unmount();
    expect(realtime.active('/topic/tickets')).toHaveLength(0);
    expect(realtime.stopped).toBe(1);
  });
});

describe('TicketListPage unread badges', () => {
  const quiet = ticket({ id: 'u1', number: 11, subject: 'Quiet ticket' });
  const chatty = ticket({ id: 'u2', number: 12, subject: 'Chatty ticket', unread: 2 });

  function live() {
    const realtime = new FakeRealtime();
    const mock = mockFetch(() => jsonResponse(200, { items: [chatty, quiet], nextCursor: null }));
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <Harness api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} userId={alice.id} />
      </RealtimeProvider>,
    );
    return realtime;
  }

  const badge = (id: string) => document.querySelector(`[data-ticket-id="${id}"] [data-testid="unread-badge"]`);

  it('shows the unread field, and nothing when it is absent', async () => {
    live();
    await screen.findAllByTestId('ticket-row');
    expect(badge('u2')?.getAttribute('data-count')).toBe('2');
    expect(badge('u2')?.textContent).toContain('2 unread');
    expect(badge('u1')).toBeNull();
  });

  it('counts live customer messages, not agents\' replies or internal notes', async () => {
    const realtime = live();
    await screen.findAllByTestId('ticket-row');
    act(() => realtime.emit('/topic/tickets', customerMessage('u1', 50)));
    act(() => realtime.emit('/topic/tickets', customerMessage('u2', 51)));
    act(() => realtime.emit('/topic/tickets', customerMessage('u2', 52, { author: { id: 'u-bob', displayName: 'Bob', role: 'AGENT' } })));
    act(() => realtime.emit('/topic/tickets', customerMessage('u2', 53, { internal: true })));
    expect(badge('u1')?.getAttribute('data-count')).toBe('1');
    expect(badge('u2')?.getAttribute('data-count')).toBe('3');
    // a change to the ticket keeps the count
    act(() => realtime.emit('/topic/tickets', ticketEvent('ticket.updated', { ...chatty, status: 'PENDING', version: 2 }, 54)));
    expect(badge('u2')?.getAttribute('data-count')).toBe('3');
  });
});

describe('TicketListPage sorted by time to breach', () => {
  const dueAt = (iso: string | null) => ({
    policy: 'P2',
    state: 'OK' as const,
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    resolutionDueAt: null,
    nextDueAt: iso,
    clocks: iso ? [{ clock: 'firstResponse' as const, state: 'RUNNING' as const, dueAt: iso, warnAt: null, remaining: null, metAt: null }] : [],
  });
  const soon = ticket({ id: 's1', number: 11, subject: 'Due soon', sla: dueAt('2026-11-22T08:05:00Z') });
  const later = ticket({ id: 's2', number: 12, subject: 'Due later', sla: dueAt('2026-11-22T12:00:00Z') });
  const none = ticket({ id: 's3', number: 13, subject: 'Nothing running', sla: dueAt(null) });
  const subjects = () => screen.getAllByTestId('ticket-row').map((row) => row.querySelector('.ticket-subject')?.textContent);

  it('asks the server for sort=due from the sort select or the SLA column head, and back', async () => {
    const calls = setup((request) =>
      jsonResponse(200, { items: request.search.get('sort') === 'due' ? [soon, later, none] : [none, later, soon], nextCursor: null }),
    );
    await screen.findAllByTestId('ticket-row');
    expect(calls[0]?.search.has('sort')).toBe(false);
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'due' } });
    await waitFor(() => expect(subjects()).toEqual(['Due soon', 'Due later', 'Nothing running']));
    expect(calls.at(-1)?.search.get('sort')).toBe('due');
    expect(screen.getByTestId('sort-by-due').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('sort-by-due'));
    await waitFor(() => expect(subjects()).toEqual(['Nothing running', 'Due later', 'Due soon']));
    expect(calls.at(-1)?.search.has('sort')).toBe(false);
    expect((screen.getByLabelText('Sort') as HTMLSelectElement).value).toBe('number');

    fireEvent.click(screen.getByTestId('sort-by-due'));
    await waitFor(() => expect(calls.at(-1)?.search.get('sort')).toBe('due'));
    // resetting the filters keeps the order
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'OPEN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    await waitFor(() => expect(calls.at(-1)?.search.has('status')).toBe(false));
    expect(calls.at(-1)?.search.get('sort')).toBe('due');
  });

  it('keeps itself sorted as events arrive', async () => {
    const realtime = new FakeRealtime();
    const mock = mockFetch(() => jsonResponse(200, { items: [soon, later, none], nextCursor: null }));
    function Sorted() {
      const [filters, setFilters] = useState<AgentFilters>({ ...DEFAULT_FILTERS, sort: 'due' });
      return <TicketListPage api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} filters={filters} onFiltersChange={setFilters} />;
    }
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <Sorted />
      </RealtimeProvider>,
    );
    await screen.findAllByTestId('ticket-row');
    expect(subjects()).toEqual(['Due soon', 'Due later', 'Nothing running']);

    // the first response on "Due soon" is met: its next clock is due after "Due later"
    act(() => realtime.emit('/topic/tickets', ticketEvent('ticket.updated', { ...soon, version: 2, sla: dueAt('2026-11-22T16:00:00Z') }, 1)));
    expect(subjects()).toEqual(['Due later', 'Due soon', 'Nothing running']);
    // a new ticket due first goes on top
    act(() => realtime.emit('/topic/tickets', ticketEvent('ticket.created', ticket({ id: 's4', number: 14, subject: 'Brand new P1', sla: dueAt('2026-11-22T08:01:00Z') }), 2)));
    expect(subjects()).toEqual(['Brand new P1', 'Due later', 'Due soon', 'Nothing running']);
    // a customer writes on "Nothing running": its next-response clock starts
    act(() => realtime.emit('/topic/tickets', ticketEvent('ticket.updated', { ...none, version: 2, sla: dueAt('2026-11-22T09:00:00Z') }, 3)));
    expect(subjects()).toEqual(['Brand new P1', 'Nothing running', 'Due later', 'Due soon']);
  });
});
