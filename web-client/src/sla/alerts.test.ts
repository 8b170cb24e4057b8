import { describe, expect, it } from 'vitest';
import { ticket } from '../testing/fixtures';
import { addAlert, alertOf, dismissAlert, isUrgent, MAX_ALERTS, type SlaAlert } from './alerts';

const vpn = ticket({ id: 't-vpn', number: 1042, subject: 'VPN down' });

const event = (type: string, data: Record<string, unknown>, seq = 1) => ({
  seq,
  stream: 'alerts.u-alice',
  type,
  at: '2026-11-22T08:11:15Z',
  ticketId: 't-vpn',
  data,
});

describe('alertOf', () => {
  it('reads sla.warning, sla.breached and sla.escalated', () => {
    expect(alertOf(event('sla.warning', { ticket: vpn, clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' }))).toMatchObject({
      type: 'sla.warning',
      ticketId: 't-vpn',
      ticket: vpn,
      clock: 'firstResponse',
      dueAt: '2026-11-22T08:15:00Z',
      reason: null,
      at: '2026-11-22T08:11:15Z',
    });
    expect(alertOf(event('sla.escalated', { ticket: vpn, clock: 'acknowledge', dueAt: '2026-11-22T08:15:00Z', reason: 'p1-opened' }))?.reason).toBe('p1-opened');
    expect(alertOf(event('sla.breached', { ticket: 't-vpn', clock: 'resolution', dueAt: '2026-11-22T12:00:00Z' }))).toMatchObject({ ticketId: 't-vpn', ticket: null });
  });

  it('ignores other events and alerts about no ticket', () => {
    expect(alertOf(event('ticket.updated', { ticket: vpn }))).toBeNull();
    expect(alertOf({ type: 'sla.warning', data: { clock: 'firstResponse' } })).toBeNull();
  });
});

describe('the alert list', () => {
  const warning = alertOf(event('sla.warning', { ticket: vpn, clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' }, 7)) as SlaAlert;
  const breached = alertOf(event('sla.breached', { ticket: vpn, clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' }, 8)) as SlaAlert;

  it('puts the newest on top and shows an alert once, whichever stream brought it again', () => {
    let list = addAlert([], warning).alerts;
    list = addAlert(list, breached).alerts;
    expect(list.map((alert) => alert.type)).toEqual(['sla.breached', 'sla.warning']);
    const again = alertOf({ ...event('sla.warning', { ticket: vpn, clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' }, 99), stream: 'tickets.t-vpn' }) as SlaAlert;
    expect(addAlert(list, again)).toEqual({ alerts: list, added: false });
  });

  it('keeps at most a handful, dropping the oldest', () => {
    let list: SlaAlert[] = [];
    for (let i = 0; i < MAX_ALERTS + 2; i += 1) {
      list = addAlert(list, { ...warning, key: `k${i}` }).alerts;
    }
    expect(list.map((alert) => alert.key)).toEqual(['k6', 'k5', 'k4', 'k3', 'k2']);
  });

  it('dismisses one', () => {
    const list = addAlert(addAlert([], warning).alerts, breached).alerts;
    expect(dismissAlert(list, warning.key)).toEqual([breached]);
  });

  it('calls breaches and escalations urgent, warnings not', () => {
    expect(isUrgent(warning)).toBe(false);
    expect(isUrgent(breached)).toBe(true);
  });
});
