import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { alice, sessionFor, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { LANGUAGE_KEY } from '../i18n/language';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { customerMessage, FakeRealtime } from '../testing/fakeRealtime';
import { AgentApp } from './AgentApp';

const vpn = ticket({ id: 'v1', subject: 'VPN drops every hour' });

function setup() {
  const mock = mockFetch((request) => {
    if (request.path === '/api/me') return jsonResponse(200, alice);
    if (request.path === '/api/tickets') return jsonResponse(200, { items: [vpn], nextCursor: null });
    if (request.path.endsWith('/timeline')) return jsonResponse(200, []);
    return jsonResponse(200, vpn);
  });
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
  renderWithI18n(<AgentApp api={api} session={sessionFor(alice)} />);
  return mock.calls;
}

describe('AgentApp', () => {
  it('shows the user in the header and opens a ticket from the list via the hash', async () => {
    const calls = setup();
    expect(screen.getByTestId('user-name').textContent).toBe('Alice Agent');
    fireEvent.click(await screen.findByRole('link', { name: 'VPN drops every hour' }));
    await screen.findByTestId('ticket-detail');
    expect(window.location.hash).toBe('#/tickets/v1');
    await waitFor(() => expect(calls.some((call) => call.path === '/api/tickets/v1')).toBe(true));
    expect(document.activeElement?.id).toBe('main');

    fireEvent.click(screen.getByRole('link', { name: /Back to tickets/ }));
    await screen.findByTestId('ticket-list');
  });

  it('switches the whole console to Chinese from the header and remembers it', async () => {
    setup();
    await screen.findByTestId('ticket-row');
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('工单');
    expect(screen.getByTestId('logout').textContent).toBe('退出登录');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN');
  });
});

describe('AgentApp unread badges', () => {
  it('keeps the queue while a ticket is open: its count resets, and messages on it do not count', async () => {
    const realtime = new FakeRealtime();
    const unread = { ...vpn, unread: 2 };
    const mock = mockFetch((request) => {
      if (request.path === '/api/me') return jsonResponse(200, alice);
      if (request.path === '/api/tickets') return jsonResponse(200, { items: [unread], nextCursor: null });
      if (request.path.endsWith('/timeline') || request.path.endsWith('/messages') || request.path.endsWith('/reads')) return jsonResponse(200, []);
      if (request.path.endsWith('/presence')) return jsonResponse(200, { viewers: [] });
      return jsonResponse(200, unread);
    });
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <AgentApp api={api} session={sessionFor(alice)} />
      </RealtimeProvider>,
    );
    expect((await screen.findByTestId('unread-badge')).getAttribute('data-count')).toBe('2');

    fireEvent.click(screen.getByRole('link', { name: 'VPN drops every hour' }));
    await screen.findByTestId('ticket-detail');
    act(() => realtime.emit('/topic/tickets', customerMessage('v1', 70)));

    fireEvent.click(screen.getByRole('link', { name: /Back to tickets/ }));
    await screen.findByTestId('ticket-row');
    expect(screen.queryByTestId('unread-badge')).toBeNull();
    // the queue was kept, not loaded again
    expect(mock.calls.filter((call) => call.path === '/api/tickets')).toHaveLength(1);

    act(() => realtime.emit('/topic/tickets', customerMessage('v1', 71)));
    expect(screen.getByTestId('unread-badge').getAttribute('data-count')).toBe('1');
  });
});
