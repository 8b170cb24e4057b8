import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { User } from '../api/types';
import { AgentApp } from '../agent/AgentApp';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import type { RealtimeEvent } from '../realtime/events';
import { FakeRealtime, ticketEvent } from '../testing/fakeRealtime';
import { alice, sessionFor, ticket } from '../testing/fixtures';
import { jsonResponse, mockFetch, type RecordedRequest } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { SlaAlertToasts, SoundToggle } from './SlaConsole';
import { SOUND_KEY, type Beeper, type BeepKind } from './sound';
import type { Incident } from './types';
import { useSlaConsole } from './useSlaConsole';

const T0 = Date.parse('2026-11-22T08:00:00Z');
const sam: User = { id: 'u-sam', username: 'sam', displayName: 'Sam Supervisor', role: 'SUPERVISOR' };
const vpn = ticket({ id: 't-vpn', number: 1042, subject: 'VPN down for everyone', priority: 'P1', status: 'NEW' });

/** An alert that fired `ageMs` ago (just now by default: older ones come from a replay and make no sound). */
const alertEvent = (type: 'sla.warning' | 'sla.breached' | 'sla.escalated', seq: number, data: Record<string, unknown> = {}, ageMs = 0) =>
  ({
    seq,
    stream: 'alerts.u-alice',
    type,
    at: new Date(Date.now() - ageMs).toISOString(),
    ticketId: vpn.id,
    data: { ticket: vpn, clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z', ...data },
  }) as unknown as RealtimeEvent;

const incident = (overrides: Partial<Incident> = {}): Incident => ({
  ticket: vpn,
  openedAt: '2026-11-22T07:58:00Z',
  acknowledgeDueAt: '2026-11-22T08:13:00Z',
  acknowledgedAt: null,
  participants: [],
  ...overrides,
});

function renderConsole(user: User, handler: (request: RecordedRequest) => Response | undefined = () => undefined) {
  const realtime = new FakeRealtime();
  const mock = mockFetch((request) => {
    const answer = handler(request);
    if (answer) return answer;
    if (request.path === '/api/me') return jsonResponse(200, user);
    if (request.path === '/api/tickets') return jsonResponse(200, { items: [vpn], nextCursor: null });
    if (request.path === '/api/incidents') return jsonResponse(200, []);
    return jsonResponse(404, { title: 'Not Found', status: 404 });
  });
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
  renderWithI18n(
    <RealtimeProvider client={realtime}>
      <AgentApp api={api} session={sessionFor(user)} />
    </RealtimeProvider>,
  );
  return { realtime, calls: mock.calls };
}

describe('SLA alerts in the console', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each alert of /user/queue/alerts once as a notification; a click opens the ticket, × dismisses', async () => {
    vi.useFakeTimers({ now: T0 + 11 * 60_000 + 15_000, shouldAdvanceTime: true });
    const { realtime } = renderConsole(alice);
    await screen.findByTestId('ticket-row');
    expect(realtime.active('/user/queue/alerts')).toHaveLength(1);

    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.warning', 1)));
    const toast = screen.getByTestId('sla-alert');
    expect(toast.textContent).toContain('At risk: First response');
    expect(toast.textContent).toContain('#1042 VPN down for everyone');
    expect(within(toast).getByRole('button', { name: /At risk: First response/ }).textContent).toMatch(/3m 4\ds/);

    // the same alert again (a replay after a reconnect) is not a second notification
    act(() => realtime.emit('/user/queue/alerts', { ...alertEvent('sla.warning', 1), stream: 'tickets.t-vpn' } as RealtimeEvent));
    expect(screen.getAllByTestId('sla-alert')).toHaveLength(1);

    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.breached', 2)));
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.escalated', 3, { clock: 'acknowledge', reason: 'p1-unacknowledged' })));
    expect(screen.getAllByTestId('sla-alert').map((node) => node.getAttribute('data-type'))).toEqual(['sla.escalated', 'sla.breached', 'sla.warning']);
    expect(screen.getAllByTestId('sla-alert')[0]?.textContent).toContain('P1 not acknowledged');
    // an escalation is news, not a clock: no countdown on it
    expect(screen.getAllByTestId('sla-alert')[0]?.querySelector('time')).toBeNull();

    fireEvent.click(within(screen.getAllByTestId('sla-alert')[0] as HTMLElement).getByTestId('sla-alert-dismiss'));
    expect(screen.getAllByTestId('sla-alert')).toHaveLength(2);

    fireEvent.click(within(screen.getAllByTestId('sla-alert')[0] as HTMLElement).getByRole('button', { name: /Breached: First response/ }));
    expect(window.location.hash).toBe('#/tickets/t-vpn');
    expect(screen.getAllByTestId('sla-alert')).toHaveLength(1);

    fireEvent.click(screen.getByTestId('sla-alert-dismiss'));
    expect(screen.queryByTestId('sla-alert')).toBeNull();
  });

  it('speaks Chinese', async () => {
    const realtime = new FakeRealtime();
    const mock = mockFetch(() => jsonResponse(200, []));
    function Alerts() {
      const sla = useSlaConsole(createApiClient({ fetch: mock.fetch, getToken: () => 'tok' }));
      return <SlaAlertToasts sla={sla} />;
    }
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <Alerts />
      </RealtimeProvider>,
      'zh-CN',
    );
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.breached', 5)));
    expect(screen.getByTestId('sla-alert').textContent).toContain('已超时：首次响应');
  });
});

describe('alert sound', () => {
  function renderWithBeeper() {
    const realtime = new FakeRealtime();
    const beeps: BeepKind[] = [];
    const beeper: Beeper = { prime: vi.fn(), beep: (kind) => beeps.push(kind) };
    const mock = mockFetch(() => jsonResponse(200, []));
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
    function Harness() {
      const sla = useSlaConsole(api, beeper);
      return (
        <>
          <SoundToggle sla={sla} />
          <SlaAlertToasts sla={sla} />
        </>
      );
    }
    renderWithI18n(
      <RealtimeProvider client={realtime}>
        <Harness />
      </RealtimeProvider>,
    );
    return { realtime, beeps, beeper };
  }

  it('is off by default; once switched on (remembered) each new alert beeps by its kind', () => {
    const { realtime, beeps, beeper } = renderWithBeeper();
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.warning', 1)));
    expect(beeps).toEqual([]);
    const toggle = screen.getByTestId('sound-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent).toContain('Sound on');
    expect(localStorage.getItem(SOUND_KEY)).toBe('on');
    expect(beeper.prime).toHaveBeenCalled();
    beeps.length = 0; // the switch plays a sample beep

    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.breached', 2)));
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.breached', 2)));
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.escalated', 3, { reason: 'p1-opened' })));
    expect(beeps).toEqual(['breached', 'escalated']);

    fireEvent.click(toggle);
    expect(localStorage.getItem(SOUND_KEY)).toBe('off');
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.warning', 4, { clock: 'resolution' })));
    expect(beeps).toEqual(['breached', 'escalated']);
  });

  it('shows alerts replayed from while the console was closed, without a sound', () => {
    localStorage.setItem(SOUND_KEY, 'on');
    const { realtime, beeps } = renderWithBeeper();
    act(() => realtime.emit('/user/queue/alerts', alertEvent('sla.breached', 5, {}, 10 * 60_000)));
    expect(beeps).toEqual([]);
    expect(screen.getAllByTestId('sla-alert').length).toBeGreaterThan(0);
  });

  it('starts as it was left', () => {
    localStorage.setItem(SOUND_KEY, 'on');
    renderWithBeeper();
    expect(screen.getByTestId('sound-toggle').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('P1 war room', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each open P1 with its countdowns and who joined; Join acknowledges it', async () => {
    vi.useFakeTimers({ now: T0, shouldAdvanceTime: true });
    window.location.hash = '#/incidents';
    const bob = { id: 'u-bob', displayName: 'Bob Agent', joinedAt: '2026-11-22T07:59:00Z' };
    const { calls } = renderConsole(alice, (request) => {
      if (request.path === '/api/incidents') return jsonResponse(200, [incident({ participants: [bob] })]);
      if (request.path === '/api/incidents/t-vpn/join' && request.method === 'POST') {
        return jsonResponse(200, incident({ acknowledgedAt: '2026-11-22T08:00:00Z', participants: [bob, { id: alice.id, displayName: alice.displayName, joinedAt: '2026-11-22T08:00:00Z' }] }));
      }
      return undefined;
    });
    const card = await screen.findByTestId('incident');
    expect(card.textContent).toContain('#1042');
    expect(card.textContent).toContain('Not acknowledged yet');
    expect(within(card).getByTestId('incident-participants').textContent).toBe('Bob Agent');
    const clocks = within(card).getAllByTestId('sla-clock');
    expect(clocks.map((row) => [row.getAttribute('data-clock'), row.querySelector('time')?.textContent])).toEqual([
      ['acknowledge', '13m 00s'],
      ['firstResponse', '1h 00m'],
    ]);
    expect(screen.getByTestId('open-p1-count').textContent).toBe('1');

    fireEvent.click(within(card).getByTestId('incident-join'));
    await waitFor(() => expect(within(card).getByTestId('incident-joined').textContent).toBe('You are in'));
    expect(calls.some((call) => call.method === 'POST' && call.path === '/api/incidents/t-vpn/join')).toBe(true);
    expect(within(card).getByTestId('incident-participants').textContent).toContain('Alice Agent');
    expect(within(card).getAllByTestId('sla-clock')[0]?.getAttribute('data-state')).toBe('MET');
  });

  it('follows incident and ticket events live, and raises a banner on the other screens when a P1 opens', async () => {
    const { realtime } = renderConsole(sam);
    await screen.findByTestId('ticket-row');
    expect(screen.getByTestId('nav-sla-settings')).toBeTruthy();
    expect(screen.queryByTestId('p1-banner')).toBeNull();

    const fresh = ticket({ id: 't-db', number: 1050, subject: 'Database unreachable', priority: 'P1', status: 'NEW' });
    act(() =>
      realtime.emit('/topic/tickets', {
        seq: 40,
        stream: 'tickets',
        type: 'incident.opened',
        at: '2026-11-22T08:00:00Z',
        ticketId: fresh.id,
        data: incident({ ticket: fresh }),
      } as RealtimeEvent),
    );
    const banner = screen.getByTestId('p1-banner');
    expect(banner.textContent).toContain('New P1 #1050: Database unreachable');
    expect(screen.getByTestId('open-p1-count').textContent).toBe('1');

    fireEvent.click(screen.getByTestId('p1-banner-open'));
    expect(window.location.hash).toBe('#/incidents');
    await screen.findByTestId('war-room');
    expect(screen.queryByTestId('p1-banner')).toBeNull();
    expect(screen.getAllByTestId('incident')).toHaveLength(1);

    act(() =>
      realtime.emit('/topic/tickets', {
        seq: 41,
        stream: 'tickets',
        type: 'incident.joined',
        at: '2026-11-22T08:01:00Z',
        ticketId: fresh.id,
        data: incident({ ticket: fresh, acknowledgedAt: '2026-11-22T08:01:00Z', participants: [{ id: 'u-bob', displayName: 'Bob Agent', joinedAt: '2026-11-22T08:01:00Z' }] }),
      } as RealtimeEvent),
    );
    expect(screen.getByTestId('incident-participants').textContent).toBe('Bob Agent');

    act(() => realtime.emit('/topic/tickets', ticketEvent('ticket.updated', { ...fresh, status: 'SOLVED', version: 2 }, 42, 'tickets', ['status'])));
    expect(screen.queryByTestId('incident')).toBeNull();
    expect(screen.getByTestId('war-room-empty').textContent).toBe('No open P1. All quiet.');
  });

  it('says so when the server has no war room, instead of "all quiet"', async () => {
    window.location.hash = '#/incidents';
    renderConsole(alice, (request) => (request.path === '/api/incidents' ? jsonResponse(404, { title: 'Not Found', status: 404 }) : undefined));
    expect((await screen.findByRole('alert')).textContent).toContain('The server does not offer this yet.');
    expect(screen.queryByTestId('war-room-empty')).toBeNull();
  });

  it('shows SLA settings only to supervisors', async () => {
    renderConsole(alice);
    await screen.findByTestId('ticket-row');
    expect(screen.queryByTestId('nav-sla-settings')).toBeNull();
    act(() => {
      window.location.hash = '#/sla/policies';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect((await screen.findByTestId('sla-settings')).textContent).toContain('Only supervisors may change SLA settings.');
  });
});
