import type { Ticket } from '../api/types';

export const ALERT_TYPES = ['sla.warning', 'sla.breached', 'sla.escalated'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** One SLA alert as a notification: what happened to which ticket's clock. */
export interface SlaAlert {
  /** Identity for de-duplication: the event's stream and seq, else what it says. */
  key: string;
  type: AlertType;
  ticketId: string;
  /** The ticket as it was when the alert fired, when the event carries it. */
  ticket: Ticket | null;
  /** `firstResponse`, `nextResponse`, `resolution`, `acknowledge`; null when not said. */
  clock: string | null;
  dueAt: string | null;
  /** Why an escalation happened: `p1-opened`, `p1-unacknowledged`, `breach`. */
  reason: string | null;
  at: string;
}

interface EventLike {
  seq?: number | null;
  stream?: string | null;
  type: string;
  at?: string;
  ticketId?: string | null;
  data?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function ticketIn(value: unknown): Ticket | null {
  const ticket = value as Ticket | null | undefined;
  return ticket && typeof ticket === 'object' && typeof ticket.id === 'string' && typeof ticket.number === 'number' ? ticket : null;
}

/** The alert an `sla.*` event stands for, or null for any other event (or a malformed one). */
export function alertOf(event: EventLike): SlaAlert | null {
  if (!(ALERT_TYPES as readonly string[]).includes(event.type)) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const ticket = ticketIn(data.ticket);
  const ticketId = ticket?.id ?? text(data.ticket) ?? text(data.ticketId) ?? text(event.ticketId);
  if (!ticketId) return null;
  const clock = text(data.clock);
  const dueAt = text(data.dueAt);
  const reason = text(data.reason);
  const type = event.type as AlertType;
  return {
    key: sameAlertKey(type, ticketId, clock, dueAt, reason),
    type,
    ticketId,
    ticket,
    clock,
    dueAt,
    reason,
    at: text(event.at) ?? new Date().toISOString(),
  };
}

/**
 * What makes two alerts the same, whichever stream they came on (the user's alert queue, the ticket's
 * stream, a replay after a reconnect): the kind, the ticket, the clock and its due time, and the reason.
 */
function sameAlertKey(type: string, ticketId: string, clock: string | null, dueAt: string | null, reason: string | null): string {
  return [type, ticketId, clock ?? '', dueAt ?? '', reason ?? ''].join('|');
}

export const MAX_ALERTS = 5;

/** The list with `alert` on top, unless it is shown already; at most `max` (the oldest go). */
export function addAlert(alerts: readonly SlaAlert[], alert: SlaAlert, max = MAX_ALERTS): { alerts: SlaAlert[]; added: boolean } {
  if (alerts.some((existing) => existing.key === alert.key)) return { alerts: alerts as SlaAlert[], added: false };
  return { alerts: [alert, ...alerts].slice(0, max), added: true };
}

export function dismissAlert(alerts: readonly SlaAlert[], key: string): SlaAlert[] {
  return alerts.filter((alert) => alert.key !== key);
}

/** Breaches and escalations matter more than warnings: they get a louder sound and a red edge. */
export const isUrgent = (alert: Pick<SlaAlert, 'type'>): boolean => alert.type !== 'sla.warning';
