import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../api/client';
import { carol } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { CustomerAssistLayer } from './CustomerAssistLayer';
import { useCustomerAssist, type CustomerAssist } from './useCustomerAssist';

const request = (overrides: object = {}) => ({
  id: 's1',
  ticketId: 't9',
  agentId: 'u-alice',
  customerId: carol.id,
  state: 'REQUESTED',
  requestedScopes: ['view', 'pointer', 'control'],
  grantedScopes: [],
  reason: 'To see the error in the print dialog',
  createdAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  agentName: 'Alice Agent',
  ticketNumber: 42,
  ...overrides,
});

function setup() {
  const mock = mockFetch((call) => {
    if (call.path === '/api/assist-sessions/s1/shown') return jsonResponse(200, request());
    if (call.path === '/api/assist-sessions/s1/decline') return jsonResponse(200, request({ state: 'DECLINED' }));
    if (call.path === '/api/assist-sessions/s1/consent') return problem(409, 'Expired');
    return problem(404, 'Not Found');
  });
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
  const out: { current: CustomerAssist | null } = { current: null };
  renderWithI18n(<Harness api={api} out={out} />);
  return { calls: mock.calls, current: () => out.current! };
}

/** The portal's use of it: the hook and its layer. */
function Harness({ api, out }: { api: ApiClient; out: { current: CustomerAssist | null } }) {
  const assist = useCustomerAssist(api, carol);
  out.current = assist;
  return <CustomerAssistLayer assist={assist} />;
}

const event = (type: string, data: object) => ({ type, at: new Date().toISOString(), data });

describe('the customer side of remote assistance', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('shows the consent dialog naming the agent, ticket, reason, scopes and expiry, and reports it shown', async () => {
    const { calls, current } = setup();
    act(() => current().receive(event('assist.requested', request())));
    const dialog = await screen.findByTestId('assist-consent-dialog');
    expect(dialog.textContent).toContain('Alice Agent asks to see your screen');
    expect(dialog.textContent).toContain('#42');
    expect(screen.getByTestId('assist-consent-reason').textContent).toBe('To see the error in the print dialog');
    expect((screen.getByTestId('assist-scope-view') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('assist-scope-view') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('assist-scope-control') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('assist-consent-countdown').textContent).toMatch(/Expires in (1:0\d|0:5\d)/);
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === '/api/assist-sessions/s1/shown')).toBe(true));
    expect(dialog.closest('[data-assist-ui]')).not.toBeNull();
  });

  it('declines', async () => {
    const { calls, current } = setup();
    act(() => current().receive(event('assist.requested', request())));
    fireEvent.click(await screen.findByTestId('assist-consent-decline'));
    await waitFor(() => expect(calls.some((call) => call.path === '/api/assist-sessions/s1/decline')).toBe(true));
    expect(screen.queryByTestId('assist-consent-dialog')).toBeNull();
  });

  it('consents to nothing when the customer closes the screen picker', async () => {
    const getDisplayMedia = vi.fn(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia }, configurable: true });
    const { calls, current } = setup();
    act(() => current().receive(event('assist.requested', request())));
    fireEvent.click(await screen.findByTestId('assist-consent-allow'));
    await waitFor(() => expect(current().problem).toBe('cancelled'));
    expect(getDisplayMedia).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('assist-consent-dialog').textContent).toContain('Nothing was shared');
    expect(calls.some((call) => call.path.endsWith('/consent'))).toBe(false);
  });

  it('stops the picked screen when the consent is refused (the request expired meanwhile)', async () => {
    const stop = vi.fn();
    const stream = { getTracks: () => [{ stop }], getVideoTracks: () => [] };
    Object.defineProperty(navigator, 'mediaDevices', { value: { getDisplayMedia: () => Promise.resolve(stream) }, configurable: true });
    const { current } = setup();
    act(() => current().receive(event('assist.requested', request())));
    fireEvent.click(await screen.findByTestId('assist-consent-allow'));
    await waitFor(() => expect(stop).toHaveBeenCalled());
    expect(current().sharing).toBeNull();
  });

  it('ignores requests for someone else and drops the dialog when the request expires', async () => {
    const { current } = setup();
    act(() => current().receive(event('assist.requested', request({ customerId: 'u-dave' }))));
    expect(screen.queryByTestId('assist-consent-dialog')).toBeNull();
    act(() => current().receive(event('assist.requested', request())));
    await screen.findByTestId('assist-consent-dialog');
    act(() => current().receive(event('assist.expired', request({ state: 'EXPIRED' }))));
    expect(screen.queryByTestId('assist-consent-dialog')).toBeNull();
  });
});
