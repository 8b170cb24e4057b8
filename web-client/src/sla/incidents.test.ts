import { describe, expect, it } from 'vitest';
import { ticket } from '../testing/fixtures';
import { applyIncidentEvent, incidentOf, incidentSla, sortIncidents, upsertIncident } from './incidents';
import type { Incident } from './types';

const p1 = (id: string, overrides: Partial<Incident> = {}): Incident => ({
  ticket: ticket({ id, priority: 'P1', status: 'NEW', version: 1 }),
  openedAt: '2026-11-22T08:00:00Z',
  acknowledgeDueAt: '2026-11-22T08:15:00Z',
  acknowledgedAt: null,
  participants: [],
  ...overrides,
});

const ids = (list: readonly Incident[]) => list.map((incident) => incident.ticket.id);

describe('incidentOf', () => {
  it('reads incident.opened and incident.joined, nothing else', () => {
    const incident = p1('a');
    expect(incidentOf({ type: 'incident.opened', data: incident })).toEqual(incident);
    expect(incidentOf({ type: 'incident.joined', data: { ...incident, participants: undefined } })?.participants).toEqual([]);
    expect(incidentOf({ type: 'ticket.updated', data: { ticket: incident.ticket } })).toBeNull();
    expect(incidentOf({ type: 'incident.opened', data: { openedAt: 'x' } })).toBeNull();
  });
});

describe('sortIncidents', () => {
  it('puts unacknowledged P1s first, the one due soonest on top, then acknowledged ones longest open first', () => {
    const late = p1('late', { acknowledgeDueAt: '2026-11-22T08:30:00Z' });
    const soon = p1('soon', { acknowledgeDueAt: '2026-11-22T08:05:00Z' });
    const ackOld = p1('ack-old', { openedAt: '2026-11-22T07:00:00Z', acknowledgedAt: '2026-11-22T07:05:00Z' });
    const ackNew = p1('ack-new', { openedAt: '2026-11-22T07:30:00Z', acknowledgedAt: '2026-11-22T07:35:00Z' });
    expect(ids(sortIncidents([ackNew, late, ackOld, soon]))).toEqual(['soon', 'late', 'ack-old', 'ack-new']);
  });
});

describe('applyIncidentEvent', () => {
  const a = p1('a');
  const b = p1('b', { acknowledgeDueAt: '2026-11-22T08:20:00Z' });

  it('adds an opened incident and replaces it when someone joins', () => {
    let list = applyIncidentEvent([a], { type: 'incident.opened', data: b });
    expect(ids(list)).toEqual(['a', 'b']);
    const joined = { ...a, acknowledgedAt: '2026-11-22T08:03:00Z', participants: [{ id: 'u-bob', displayName: 'Bob', joinedAt: '2026-11-22T08:03:00Z' }] };
    list = applyIncidentEvent(list, { type: 'incident.joined', data: joined });
    expect(ids(list)).toEqual(['b', 'a']);
    expect(list[1]?.participants.map((person) => person.displayName)).toEqual(['Bob']);
  });

  it('follows the ticket: a newer version replaces it, an older one does not', () => {
    const renamed = { ...a.ticket, version: 2, subject: 'Everything is down' };
    const list = applyIncidentEvent([a, b], { type: 'ticket.updated', data: { ticket: renamed } });
    expect(list[0]?.ticket.subject).toBe('Everything is down');
    const stale = applyIncidentEvent(list, { type: 'ticket.updated', data: { ticket: { ...a.ticket, version: 1, subject: 'old' } } });
    expect(stale).toBe(list);
    // a join that carries an older copy of the ticket keeps the newer one
    expect(upsertIncident(list, { ...a, participants: [] })[0]?.ticket.subject).toBe('Everything is down');
  });

  it('lets a P1 go once it is solved or no longer P1', () => {
    expect(ids(applyIncidentEvent([a, b], { type: 'ticket.updated', data: { ticket: { ...a.ticket, version: 2, status: 'SOLVED' } } }))).toEqual(['b']);
    expect(ids(applyIncidentEvent([a, b], { type: 'sla.breached', data: { ticket: { ...b.ticket, version: 3, priority: 'P2' } } }))).toEqual(['a']);
  });

  it('ignores events about other tickets and other kinds', () => {
    const list = [a];
    expect(applyIncidentEvent(list, { type: 'ticket.updated', data: { ticket: ticket({ id: 'other', priority: 'P1' }) } })).toBe(list);
    expect(applyIncidentEvent(list, { type: 'message.created', data: { body: 'hi' } })).toBe(list);
  });
});

describe('incidentSla', () => {
  it('counts down acknowledge from the incident and first response from the ticket', () => {
    const incident = p1('a');
    incident.ticket.sla = {
      policy: 'P1',
      state: 'OK',
      firstResponseDueAt: '2026-11-22T08:15:00Z',
      nextResponseDueAt: null,
      resolutionDueAt: '2026-11-22T12:00:00Z',
    };
    expect(incidentSla(incident).clocks).toEqual([
      { clock: 'acknowledge', state: 'RUNNING', dueAt: '2026-11-22T08:15:00Z', warnAt: null, remaining: null, metAt: null },
      { clock: 'firstResponse', state: 'RUNNING', dueAt: '2026-11-22T08:15:00Z', warnAt: null, remaining: null, metAt: null },
    ]);
    const acknowledged = incidentSla({ ...incident, acknowledgedAt: '2026-11-22T08:04:00Z' }).clocks?.[0];
    expect(acknowledged).toMatchObject({ clock: 'acknowledge', state: 'MET', metAt: '2026-11-22T08:04:00Z' });
  });
});
