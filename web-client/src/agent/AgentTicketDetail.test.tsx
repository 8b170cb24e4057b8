import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
