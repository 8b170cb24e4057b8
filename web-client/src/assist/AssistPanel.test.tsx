import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import type { AssistSessionView } from '../webrtc/assistState';
import type { TicketStreamEvent } from '../realtime/events';
import { alice, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { createTicketStream } from '../tickets/ticketStream';
import { AssistPanel } from './AssistPanel';

const theTicket = ticket({ id: 't9', number: 42 });

const session = (overrides: Partial<AssistSessionView> = {}) => ({
  id: 's1',
  ticketId: 't9',
  agentId: 'u-alice',
  customerId: 'u-carol',
  state: 'REQUESTED',
  requestedScopes: ['view', 'pointer'],
  grantedScopes: [],
  reason: 'See the error',
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  agentName: 'Alice Agent',
  customerName: 'Carol Customer',
  ticketNumber: 42,
  ...overrides,
});

const assistEvent = (type: string, seq: number, data: object): TicketStreamEvent =>
  ({ seq, stream: 'tickets.t9', type, at: new Date().toISOString(), ticketId: 't9', data }) as unknown as TicketStreamEvent;

function setup(history: object[] = [], answer: (body: unknown) => Response = () => jsonResponse(201, session())) {
  const mock = mockFetch((request) => {
    if (request.method === 'GET' && request.path === '/api/tickets/t9/assist-sessions') return jsonResponse(200, history);
    if (request.method === 'POST' && request.path === '/api/tickets/t9/assist-sessions') return answer(request.body);
    if (request.method === 'POST' && request.path === '/api/assist-sessions/s1/end') return jsonResponse(200, session({ state: 'ENDED' }));
    return problem(404, 'Not Found');
  });
  const stream = createTicketStream('t9');
  renderWithI18n(<AssistPanel api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} ticket={theTicket} stream={stream} user={alice} />);
  return { calls: mock.calls, stream };
}

describe('AssistPanel', () => {
  it('asks with a reason and the chosen scopes, then shows the request waiting with a countdown', async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByTestId('assist-ask'));
    const send = screen.getByTestId('assist-send-request') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('assist-reason'), { target: { value: '  See the error  ' } });
    expect((screen.getByTestId('assist-scope-view') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('assist-scope-control'));
    fireEvent.click(send);
    const state = await screen.findByTestId('assist-state');
    expect(state.getAttribute('data-state')).toBe('REQUESTED');
    expect(state.textContent).toContain('Waiting for Carol Customer to answer');
    expect(screen.getByTestId('assist-request-countdown').textContent).toMatch(/Expires in [01]:\d\d/);
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ scopes: ['view', 'pointer', 'control'], reason: 'See the error' });
  });

  it('follows the request live: shown, then declined', async () => {
    const { stream } = setup([session()]);
    await waitFor(() => expect(screen.getByTestId('assist-state').getAttribute('data-state')).toBe('REQUESTED'));
    act(() => stream.emit(assistEvent('assist.shown', 5, session())));
    expect(screen.getByTestId('assist-state').textContent).toContain('Carol Customer is looking at the request');
    act(() => stream.emit(assistEvent('assist.declined', 6, session({ state: 'DECLINED' }))));
    expect(screen.getByTestId('assist-state').getAttribute('data-state')).toBe('DECLINED');
    expect(screen.getByTestId('assist-state').textContent).toContain('Carol Customer declined the last request.');
    // a new request can be made
    expect(screen.getByTestId('assist-ask')).toBeTruthy();
  });

  it('withdraws a pending request with End', async () => {
    const { calls } = setup([session()]);
    fireEvent.click(await screen.findByTestId('assist-end'));
    await waitFor(() => expect(screen.getByTestId('assist-state').getAttribute('data-state')).toBe('ENDED'));
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/assist-sessions/s1/end')).toBe(true);
  });

  it('says so when another request is live (409) and shows that one', async () => {
    let first = true;
    setup([], () => {
      const answer = first ? problem(409, 'Conflict', { detail: 'A live assist session exists' }) : jsonResponse(201, session());
      first = false;
      return answer;
    });
    fireEvent.click(await screen.findByTestId('assist-ask'));
    fireEvent.change(screen.getByTestId('assist-reason'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('assist-send-request'));
    expect(await screen.findByTestId('error-banner')).toBeTruthy();
  });

  it('does not join a colleague\'s session, and leaves ending it to them or a supervisor', async () => {
    const { calls } = setup([session({ state: 'ACTIVE', agentId: 'u-bob', agentName: 'Bob Agent', grantedScopes: ['view'] })]);
    await waitFor(() => expect(screen.getByTestId('assist-state').getAttribute('data-state')).toBe('ACTIVE'));
    expect(screen.getByTestId('assist-state').textContent).toContain('Bob Agent is assisting Carol Customer');
    expect(screen.queryByTestId('assist-viewer')).toBeNull();
    expect(calls.some((call) => call.path.endsWith('/join'))).toBe(false);
    expect(screen.queryByTestId('assist-end')).toBeNull();
  });

  it('offers nothing on a closed ticket', async () => {
    const mock = mockFetch(() => jsonResponse(200, []));
    renderWithI18n(<AssistPanel api={createApiClient({ fetch: mock.fetch, getToken: () => 'tok' })} ticket={{ ...theTicket, status: 'CLOSED' }} stream={null} user={alice} />);
    expect(await screen.findByText('This ticket is closed: no remote assistance.')).toBeTruthy();
    expect(screen.queryByTestId('assist-ask')).toBeNull();
  });
});
