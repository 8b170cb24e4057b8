import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { FakeRealtime } from '../testing/fakeRealtime';
import { jsonResponse, mockFetch, problem } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { wallboardFixture } from './fixtures';
import { WallboardApp } from './WallboardApp';

vi.mock('./Chart', () => ({
  Chart: ({ testId, label }: { testId: string; label: string }) => <div data-testid={testId} aria-label={label} />,
}));

function setup(respond = () => jsonResponse(200, wallboardFixture())) {
  const { fetch, calls } = mockFetch(respond);
  const api = createApiClient({ fetch, getToken: () => 'token', onUnauthorized: () => undefined });
  const realtime = new FakeRealtime();
  return { api, realtime, calls };
}

describe('WallboardApp', () => {
  it('shows the figures with their targets, the at-risk list and the agents', async () => {
    const { api, realtime } = setup();
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <WallboardApp api={api} />
      </RealtimeProvider>,
    );
    expect(await screen.findByTestId('open-total')).toHaveProperty('textContent', '10');
    expect(screen.getByTestId('open-P1').textContent).toContain('2');
    expect(screen.getByTestId('tile-first-response').dataset.tone).toBe('good');
    expect(screen.getByTestId('tile-first-response').textContent).toContain('Target < 30 min');
    expect(screen.getByTestId('tile-resolution').dataset.tone).toBe('bad');
    expect(screen.getByTestId('tile-csat').dataset.tone).toBe('good');
    expect(screen.getByTestId('tile-repeat').textContent).toContain('Target < 5%');
    expect(screen.getAllByTestId('at-risk-item')).toHaveLength(2);
    expect(screen.getAllByTestId('agent').map((a) => a.dataset.status)).toEqual(['AVAILABLE', 'OFFLINE']);
    expect(screen.getByTestId('chart-by-priority')).toBeTruthy();
  });

  it('follows wallboard.updated pushes and reloads after a reconnect', async () => {
    const { api, realtime, calls } = setup();
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <WallboardApp api={api} />
      </RealtimeProvider>,
      'zh-CN',
    );
    await screen.findByTestId('open-total');
    expect(screen.getByText('客服现场')).toBeTruthy();
    act(() =>
      realtime.emit('/topic/wallboard', {
        seq: null,
        stream: 'wallboard',
        type: 'wallboard.updated',
        at: '2026-11-22T23:31:00Z',
        data: wallboardFixture({ openTotal: 11, openByPriority: { P1: 3, P2: 3, P3: 4, P4: 1 } }),
      }),
    );
    expect(screen.getByTestId('open-total').textContent).toBe('11');
    const before = calls.length;
    act(() => realtime.setState('connected'));
    await waitFor(() => expect(calls.length).toBe(before + 1));
  });

  it('says so when the wall board is not for this user', async () => {
    const { api, realtime } = setup(() => problem(403, 'Forbidden'));
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <WallboardApp api={api} />
      </RealtimeProvider>,
    );
    expect((await screen.findByTestId('wallboard-failure')).textContent).toContain('for supervisors');
  });
});
