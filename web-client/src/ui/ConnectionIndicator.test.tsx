import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONNECTION_STATES } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { alice } from '../testing/fixtures';
import { FakeRealtime } from '../testing/fakeRealtime';
import { renderWithI18n } from '../testing/renderWithI18n';
import { AppHeader } from './AppHeader';
import { ConnectionIndicator, LiveConnectionIndicator } from './ConnectionIndicator';

const ENGLISH = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
const CHINESE = { connecting: '正在连接…', connected: '实时', reconnecting: '正在重新连接…', offline: '离线' };

describe('ConnectionIndicator', () => {
  it.each(CONNECTION_STATES)('shows %s as a dot and a word, with the state for automation', (state) => {
    renderWithI18n(<ConnectionIndicator state={state} />);
    const indicator = screen.getByTestId('connection-state');
    expect(indicator.getAttribute('data-state')).toBe(state);
    expect(indicator.textContent).toBe(ENGLISH[state]);
    expect(indicator.className).toContain(`connection-${state}`);
    expect(indicator.querySelector('.connection-dot')?.getAttribute('aria-hidden')).toBe('true');
    expect(indicator.getAttribute('role')).toBe('status');
    expect(indicator.getAttribute('title')).toBeTruthy();
  });

  it.each(CONNECTION_STATES)('says %s in Chinese', (state) => {
    renderWithI18n(<ConnectionIndicator state={state} />, 'zh-CN');
    expect(screen.getByTestId('connection-state').textContent).toBe(CHINESE[state]);
  });

  it('follows the page connection as it changes', () => {
    const realtime = new FakeRealtime();
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <LiveConnectionIndicator />
      </RealtimeProvider>,
    );
    expect(realtime.started).toBe(1);
    const indicator = () => screen.getByTestId('connection-state');
    expect(indicator().getAttribute('data-state')).toBe('connecting');
    act(() => realtime.setState('connected'));
    expect(indicator().getAttribute('data-state')).toBe('connected');
    expect(indicator().textContent).toBe('Live');
    act(() => realtime.setState('reconnecting'));
    expect(indicator().textContent).toBe('Reconnecting…');
    act(() => realtime.setState('offline'));
    expect(indicator().getAttribute('data-state')).toBe('offline');
  });

  it('is in the header of a live page and absent without a real-time connection', () => {
    const realtime = new FakeRealtime();
    realtime.setState('connected');
    const { unmount } = renderWithI18n(
      <RealtimeProvider client={realtime}>
        <AppHeader area="Agent console" user={alice} />
      </RealtimeProvider>,
    );
    expect(screen.getByTestId('connection-state').getAttribute('data-state')).toBe('connected');
    unmount();
    expect(realtime.stopped).toBe(1);

    renderWithI18n(<AppHeader area="Agent console" user={alice} />);
    expect(screen.queryByTestId('connection-state')).toBeNull();
  });
});
