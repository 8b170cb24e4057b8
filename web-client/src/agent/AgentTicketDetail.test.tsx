import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../api/types';
import type { TicketStreamEvent } from '../realtime/events';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { customerMessage, FakeRealtime, ticketEvent } from '../testing/fakeRealtime';
import { createApiClient } from '../api/client';
import { alice, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { AgentTicketDetail } from './AgentTicketDetail';

const base = ticket({ id: 'x1', number: 7, subject: 'Laptop will not boot', status: 'OPEN', priority: 'P2', version: 3 });
const events = [
  { seq: 2, type: 'ticket.updated', at: '2026-11-22T08:10:00Z', data: { ticket: base, changed: ['priority'] } },
  { seq: 1, type: 'ticket.created', at: '2026-11-22T08:00:00Z', data: { ticket: base } },
];

function setup(patchAnswer: Handler) {
  const mock = mockFetch((request) => {
    if (request.path.endsWith('/timeline')) return jsonResponse(200, events);
    if (request.method === 'PATCH') return patchAnswer(request);
    return jsonResponse(200, base);
  });
  renderWithI18n(<AgentTicketDetail api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} id="x1" user={alice} />);
  return mock.calls;
}

describe('AgentTicketDetail', () => {
  it('shows the fields and the timeline oldest first', async () => {
    setup(() => jsonResponse(200, base));
    const detail = await screen.findByTestId('ticket-detail');
    await within(detail).findByRole('heading', { name: /Laptop will not boot/ });
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(within(timeline).getAllByTestId('timeline-event')).toHaveLength(2));
    expect(within(timeline).getAllByTestId('timeline-event').map((item) => item.getAttribute('data-type'))).toEqual([
      'ticket.created',
      'ticket.updated',
    ]);
  });

  it('assigns to me with If-Match and shows the new version', async () => {
    const calls = setup((request) =>
      jsonResponse(200, { ...base, version: 4, assignee: { id: alice.id, displayName: alice.displayName }, ...(request.body as object) }),
    );
    fireEvent.click(await screen.findByTestId('assign-to-me'));
    await screen.findByText('Saved.');
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('3');
    expect(patch?.body).toEqual({ assigneeId: alice.id });
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Alice Agent');
    expect(screen.getByTestId('unassign')).toBeTruthy();
  });

  it('saves only the changed status', async () => {
    const calls = setup(() => jsonResponse(200, { ...base, version: 4, status: 'PENDING' }));
    await screen.findByTestId('detail-status');
    expect((screen.getByTestId('detail-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('detail-status'), { target: { value: 'PENDING' } });
    fireEvent.click(screen.getByTestId('detail-save'));
    await screen.findByText('Saved.');
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'PENDING' });
  });

  it('on 409 says someone else changed it and shows the current ticket', async () => {
    const current = { ...base, version: 5, priority: 'P1', assignee: { id: 'u-bob', displayName: 'Bob' } };
    setup(() => problem(409, 'Conflict', { detail: 'stale version', current }));
    fireEvent.click(await screen.findByTestId('assign-to-me'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('changed by someone else');
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Bob');
    expect((screen.getByTestId('detail-priority') as HTMLSelectElement).value).toBe('P1');
  });

  it('shows an illegal state change as an error, not as a conflict', async () => {
    setup(() => problem(409, 'Conflict', { detail: 'CLOSED tickets cannot be reopened', current: base }));
    fireEvent.change(await screen.findByTestId('detail-status'), { target: { value: 'NEW' } });
    fireEvent.click(screen.getByTestId('detail-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('CLOSED tickets cannot be reopened');
    expect(alert.textContent).not.toContain('someone else');
  });

  it('says when the ticket cannot be seen', async () => {
    const mock = mockFetch((request) => (request.path.endsWith('/timeline') ? jsonResponse(200, []) : problem(404, 'Not Found')));
    renderWithI18n(<AgentTicketDetail api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} id="nope" user={alice} />);
    expect((await screen.findByRole('alert')).textContent).toContain('does not exist');
  });
});

describe('AgentTicketDetail live updates', () => {
  function live(timeline: () => Promise<Response> | Response = () => jsonResponse(200, events)) {
    const realtime = new FakeRealtime();
    const mock = mockFetch((request) => (request.path.endsWith('/timeline') ? timeline() : jsonResponse(200, base)));
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <AgentTicketDetail api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} id="x1" user={alice} />
      </RealtimeProvider>,
    );
    const emit = (event: TicketStreamEvent) => act(() => realtime.emit('/topic/tickets.x1', event));
    const items = () => within(screen.getByTestId('timeline')).queryAllByTestId('timeline-event');
    return { realtime, calls: mock.calls, emit, items };
  }

  const message = (seq: number) => customerMessage('x1', seq, { body: 'Still broken', createdAt: '2026-11-22T09:05:00Z' }, 'tickets.x1');

  it('subscribes to the ticket only after the REST timeline, resuming after its highest seq', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { realtime } = live(() => new Promise<Response>((resolve) => (answer = resolve)));
    await screen.findByTestId('detail-status');
    expect(realtime.active()).toHaveLength(0);
    await act(async () => answer(jsonResponse(200, events)));
    await waitFor(() => expect(realtime.active('/topic/tickets.x1')).toHaveLength(1));
    expect(realtime.active('/topic/tickets.x1')[0]?.options.resumeAfter).toBe(2);
  });

  it('updates the fields and appends to the timeline as events come, once per seq', async () => {
    const { realtime, emit, items } = live();
    await waitFor(() => expect(realtime.active('/topic/tickets.x1')).toHaveLength(1));
    await waitFor(() => expect(items()).toHaveLength(2));

    const bob = { id: 'u-bob', displayName: 'Bob Agent' };
    emit(ticketEvent('ticket.updated', { ...base, priority: 'P1', assignee: bob, version: 4 }, 3, 'tickets.x1', ['priority', 'assignee']));
    expect((screen.getByTestId('detail-priority') as HTMLSelectElement).value).toBe('P1');
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Bob Agent');
    expect(items()).toHaveLength(3);

    emit(message(4));
    emit(message(4));
    emit({ seq: null, stream: 'tickets.x1', type: 'typing', at: '2026-11-22T09:06:00Z', data: { typing: true } });
    expect(items().map((item) => item.getAttribute('data-type'))).toEqual(['ticket.created', 'ticket.updated', 'ticket.updated', 'message.created']);
    expect(items()[3]?.textContent).toContain('Still broken');

    // an event about an older version does not undo what is shown
    emit(ticketEvent('ticket.updated', { ...base, priority: 'P4', version: 3 }, 5, 'tickets.x1', ['priority']));
    expect((screen.getByTestId('detail-priority') as HTMLSelectElement).value).toBe('P1');
  });

  it('shares the one ticket subscription with the chat, which shows live messages once', async () => {
    const { realtime, emit } = live();
    await waitFor(() => expect(realtime.active('/topic/tickets.x1')).toHaveLength(1));
    emit(message(4));
    emit(message(4));
    const chat = screen.getByTestId('chat-pane');
    expect(within(chat).getAllByTestId('chat-message')).toHaveLength(1);
    expect(within(chat).getByTestId('chat-message').textContent).toContain('Still broken');
    expect(realtime.active()).toHaveLength(1);
    // agents get the internal-note switch
    expect(within(chat).getByTestId('chat-internal-toggle')).toBeTruthy();
  });

  it('on resync reloads the ticket and the timeline without losing what came live', async () => {
    const later: TicketEvent[] = [...events, { seq: 3, type: 'ticket.updated', at: '2026-11-22T08:20:00Z', data: { ticket: base, changed: ['tags'] } }];
    let timelineAnswer: TicketEvent[] = events;
    const { realtime, calls, emit, items } = live(() => jsonResponse(200, timelineAnswer));
    await waitFor(() => expect(realtime.active('/topic/tickets.x1')).toHaveLength(1));
    emit(message(9));
    timelineAnswer = later;
    act(() => realtime.resync('/topic/tickets.x1', 9));
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(calls.filter((call) => call.path === '/api/tickets/x1')).toHaveLength(2);
    expect(calls.filter((call) => call.path.endsWith('/timeline'))).toHaveLength(2);
  });
});
