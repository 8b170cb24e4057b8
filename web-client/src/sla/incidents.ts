import type { SlaClockInfo, Ticket, TicketSla } from '../api/types';
import { clocksOf } from './countdown';
import type { Incident } from './types';

interface EventLike {
  type: string;
  data?: unknown;
}

export const INCIDENT_EVENT_TYPES = new Set(['incident.opened', 'incident.joined']);
const TICKET_EVENT_TYPES = new Set(['ticket.created', 'ticket.updated', 'sla.warning', 'sla.breached', 'sla.escalated']);
const CLOSED = new Set(['SOLVED', 'CLOSED']);

function isTicket(value: unknown): value is Ticket {
  const ticket = value as Ticket | null | undefined;
  return Boolean(ticket) && typeof ticket?.id === 'string' && typeof ticket?.version === 'number';
}

/** The incident an `incident.*` event carries, or null. */
export function incidentOf(event: EventLike): Incident | null {
  if (!INCIDENT_EVENT_TYPES.has(event.type)) return null;
  const incident = event.data as Incident | null | undefined;
  if (!incident || !isTicket(incident.ticket)) return null;
  return { ...incident, participants: Array.isArray(incident.participants) ? incident.participants : [] };
}

/** Still a war-room matter: an open P1. */
export const isOpenP1 = (ticket: Ticket): boolean => ticket.priority === 'P1' && !CLOSED.has(ticket.status);

/**
 * Unacknowledged first, the one whose acknowledgement is due soonest on top; then the acknowledged
 * ones, longest open first.
 */
export function sortIncidents(incidents: readonly Incident[]): Incident[] {
  const time = (value: string | null | undefined) => (value ? Date.parse(value) : Number.POSITIVE_INFINITY);
  return [...incidents].sort((a, b) => {
    const ackA = a.acknowledgedAt ? 1 : 0;
    const ackB = b.acknowledgedAt ? 1 : 0;
    if (ackA !== ackB) return ackA - ackB;
    if (!a.acknowledgedAt) {
      const byDue = time(a.acknowledgeDueAt) - time(b.acknowledgeDueAt);
      if (byDue !== 0 && Number.isFinite(byDue)) return byDue;
    }
    return time(a.openedAt) - time(b.openedAt);
  });
}

/** Adds or replaces an incident, keeping the newer version of its ticket. */
export function upsertIncident(incidents: readonly Incident[], incident: Incident): Incident[] {
  const existing = incidents.find((entry) => entry.ticket.id === incident.ticket.id);
  const ticket = existing && existing.ticket.version > incident.ticket.version ? existing.ticket : incident.ticket;
  const next = { ...incident, ticket };
  const others = incidents.filter((entry) => entry.ticket.id !== incident.ticket.id);
  return sortIncidents(isOpenP1(ticket) ? [...others, next] : others);
}

/**
 * Applies a live event to the war room: `incident.opened` / `incident.joined` add or replace the
 * incident; a ticket event updates its ticket, and takes it out once it is no longer an open P1
 * (solved, closed, or its priority lowered). Returns the list itself when nothing changed.
 */
export function applyIncidentEvent(incidents: readonly Incident[], event: EventLike): Incident[] {
  const incident = incidentOf(event);
  if (incident) return upsertIncident(incidents, incident);
  if (!TICKET_EVENT_TYPES.has(event.type)) return incidents as Incident[];
  const ticket = (event.data as { ticket?: unknown } | undefined)?.ticket;
  if (!isTicket(ticket)) return incidents as Incident[];
  const index = incidents.findIndex((entry) => entry.ticket.id === ticket.id);
  const existing = incidents[index];
  if (!existing || ticket.version < existing.ticket.version) return incidents as Incident[];
  if (!isOpenP1(ticket)) return incidents.filter((_, position) => position !== index);
  const copy = [...incidents];
  copy[index] = { ...existing, ticket };
  return copy;
}

/**
 * The clocks the war room counts down: acknowledge (from the incident: met once someone joined) and
 * first response (from the ticket), as an SLA for SlaClockList.
 */
export function incidentSla(incident: Incident): TicketSla {
  const ticketClocks = clocksOf(incident.ticket.sla);
  const fromTicket = ticketClocks.find((clock) => clock.clock === 'acknowledge');
  const acknowledge: SlaClockInfo | null = incident.acknowledgedAt
    ? { clock: 'acknowledge', state: 'MET', dueAt: null, warnAt: null, remaining: null, metAt: incident.acknowledgedAt }
    : incident.acknowledgeDueAt
      ? { clock: 'acknowledge', state: 'RUNNING', dueAt: incident.acknowledgeDueAt, warnAt: fromTicket?.warnAt ?? null, remaining: null, metAt: null }
      : (fromTicket ?? null);
  const firstResponse = ticketClocks.find((clock) => clock.clock === 'firstResponse') ?? null;
  const clocks = [acknowledge, firstResponse].filter((clock): clock is SlaClockInfo => clock !== null);
  const base: TicketSla = incident.ticket.sla ?? { policy: 'P1', state: 'OK', firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null };
  return { ...base, clocks };
}
