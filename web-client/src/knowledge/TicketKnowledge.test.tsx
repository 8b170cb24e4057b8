import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { solvedFirst } from './kbApi';
import { ProblemSnapshot } from './ProblemSnapshot';
import { TicketKnowledge } from './TicketKnowledge';

const hit = (id: string, title: string, score: number) => ({ id, title, snippet: '', score, status: 'PUBLISHED', module: null, faultType: null });
const similar = (id: string, number: number, solved: boolean) => ({ id, number, subject: `Ticket ${number}`, status: solved ? 'SOLVED' : 'OPEN', solved, score: 0.5, articleIds: [] });

describe('knowledge in the console ticket view', () => {
  it('shows the problem snapshot the customer gave', () => {
    renderWithI18n(<ProblemSnapshot ticket={ticket({ intake: { module: 'drawings', environment: 'Windows 11', steps: '1. open\n2. crash' } })} />);
    expect(screen.getByTestId('snapshot-module').textContent).toBe('drawings');
    expect(screen.getByTestId('snapshot-environment').textContent).toBe('Windows 11');
    expect(screen.queryByTestId('snapshot-version')).toBeNull();
  });

  it('says when there is no snapshot, in Chinese too', () => {
    renderWithI18n(<ProblemSnapshot ticket={ticket()} />, 'zh-CN');
    expect(screen.getByText('客户未提供详细信息。')).toBeTruthy();
  });

  it('ranks articles for the ticket, marks linked ones, links another, and lists similar tickets solved first', async () => {
    const { fetch, calls } = mockFetch((request) => {
      if (request.path === '/api/kb/search') return jsonResponse(200, [hit('a1', 'Reset the sync cache', 0.8), hit('a2', 'Reinstall', 0.4)]);
      if (request.path.endsWith('/kb-links') && request.method === 'GET') return jsonResponse(200, [{ ticketId: 't', articleId: 'a2', title: 'Reinstall', linkedAt: '' }]);
      if (request.path.endsWith('/kb-links')) return jsonResponse(201, { ticketId: 't', articleId: 'a1', title: 'Reset', linkedAt: '' });
      if (request.path.endsWith('/similar')) return jsonResponse(200, [similar('s1', 7, false), similar('s2', 5, true)]);
      return jsonResponse(404, { title: 'Not found', status: 404 });
    });
    const api = createApiClient({ fetch, getToken: () => 't', onUnauthorized: () => undefined });
    const shown = ticket({ subject: 'Sync stuck', description: 'Nothing syncs' });
    renderWithI18n(<TicketKnowledge api={api} ticket={shown} />);
    const rows = await screen.findAllByTestId('kb-ticket-suggestion');
    expect(rows.map((row) => row.textContent)).toEqual(['Reset the sync cache match 80% Link', 'Reinstall match 40% ✓ Linked']);
    expect(calls.find((call) => call.path === '/api/kb/search')?.search.get('q')).toBe('Sync stuck Nothing syncs');

    fireEvent.click(screen.getByTestId('kb-link'));
    await waitFor(() => expect(screen.getAllByTestId('kb-linked')).toHaveLength(2));
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.path).toBe(`/api/tickets/${shown.id}/kb-links`);
    expect(post?.body).toEqual({ articleId: 'a1' });

    const others = await screen.findAllByTestId('similar-ticket');
    expect(others.map((row) => row.textContent)).toEqual(['#5 Ticket 5 · solved', '#7 Ticket 7']);
  });

  it('orders similar tickets solved first, keeping the server order otherwise', () => {
    const order = solvedFirst([similar('a', 1, false), similar('b', 2, true), similar('c', 3, false), similar('d', 4, true)]).map((t) => t.id);
    expect(order).toEqual(['b', 'd', 'a', 'c']);
  });
});
