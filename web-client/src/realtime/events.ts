/** Events and destinations of the STOMP real-time API (shared/CONTRACT.md, "Real time"). */
import type { Actor, AssistSession, Message, ReadMark, Ticket, TicketEvent, WallboardSnapshot } from '../api/types';
import type { Incident } from '../sla/types';

/**
 * One MESSAGE body. `seq` strictly increases within `stream` (`tickets` for /topic/tickets,
 * `tickets.<id>` for one ticket); ephemeral events (typing, presence, wallboard) have `seq: null`.
 */
export interface EventEnvelope<T extends string, D> {
  seq: number | null;
  stream: string;
  type: T;
  at: string;
  ticketId?: string | null;
  data: D;
}

export interface TicketChangeData {
  ticket: Ticket;
  /** The fields that changed (`status`, `priority`, `assignee`, `tags`, …); absent on `ticket.created`. */
  changed?: string[];
  actor?: Actor;
  /** Set when the router assigned the ticket. */
  assignmentReason?: string;
}

export type TicketCreatedEvent = EventEnvelope<'ticket.created', TicketChangeData>;
export type TicketUpdatedEvent = EventEnvelope<'ticket.updated', TicketChangeData>;
export type MessageCreatedEvent = EventEnvelope<'message.created', Message>;

export interface TypingData {
  /** Who is typing (absent only on malformed events, which are ignored). */
  user?: Actor;
  typing: boolean;
  /** Composing an agents-only note: such events only reach staff. */
  internal?: boolean;
  /** Drop the indicator after this long unless a newer event comes. */
  expiresInMs?: number;
}
/** Ephemeral (no seq): someone started or stopped typing in the ticket's chat. */
export type TypingEvent = EventEnvelope<'typing', TypingData>;
/** Durable: someone's read mark moved forward to `seq`. */
export type ReadEvent = EventEnvelope<'read', Partial<ReadMark> & { seq: number }>;
/** Ephemeral, staff only: who of the staff is viewing the ticket now. */
export type PresenceEvent = EventEnvelope<'presence', { viewers: Actor[] }>;

export interface SlaEventData {
  ticket: Ticket;
  clock: string;
  dueAt: string;
  /** Why `sla.escalated` happened: `p1-opened`, `p1-unacknowledged` or `breach`. */
  reason?: string;
}
export type SlaEvent = EventEnvelope<'sla.warning' | 'sla.breached' | 'sla.escalated', SlaEventData>;

export const ASSIST_EVENT_TYPES = [
  'assist.requested',
  'assist.consented',
  'assist.declined',
  'assist.revoked',
  'assist.ended',
  'assist.expired',
  'assist.shown',
  'assist.joined',
  'assist.scopes-changed',
  'assist.refused',
] as const;
export type AssistEvent = EventEnvelope<(typeof ASSIST_EVENT_TYPES)[number], AssistSession>;

/** A P1 war room opened or someone joined it (data: the incident, see src/sla/types.ts). */
export type IncidentEvent = EventEnvelope<'incident.opened' | 'incident.joined', Incident>;

export type WallboardUpdatedEvent = EventEnvelope<'wallboard.updated', WallboardSnapshot>;

/**
 * Sent once, instead of a replay, when the server cannot resume from the asked seq. Its `seq` is the
 * current head of the stream: reload the view over REST, then go on from there.
 */
export type ResyncRequiredEvent = EventEnvelope<'resync.required', unknown>;

/** Every event of a ticket stream (/topic/tickets and /topic/tickets.{id}). */
export type TicketStreamEvent =
  | TicketCreatedEvent
  | TicketUpdatedEvent
  | MessageCreatedEvent
  | TypingEvent
  | ReadEvent
  | PresenceEvent
  | SlaEvent
  | IncidentEvent
  | AssistEvent;

export type AlertEvent = SlaEvent;

export type RealtimeEvent = TicketStreamEvent | WallboardUpdatedEvent | ResyncRequiredEvent;

/** Where a client may SUBSCRIBE. */
export type TicketTopic = `/topic/tickets.${string}`;
export type Destination = '/topic/tickets' | TicketTopic | '/user/queue/alerts' | '/topic/wallboard';

/**
 * The events a handler of a destination receives. The server may add new types later: handlers
 * must ignore a `type` they do not know (switch with a default), as the union cannot list them.
 */
export type EventFor<D extends Destination> = D extends '/topic/wallboard'
  ? WallboardUpdatedEvent
  : D extends '/user/queue/alerts'
    ? AlertEvent
    : TicketStreamEvent;

export const ticketTopic = (ticketId: string): TicketTopic => `/topic/tickets.${ticketId}`;

/** Where a client may SEND (chat of one ticket). */
export type AppDestination = `/app/tickets.${string}/messages` | `/app/tickets.${string}/typing` | `/app/tickets.${string}/read`;

export const chatDestinations = (ticketId: string) =>
  ({
    messages: `/app/tickets.${ticketId}/messages`,
    typing: `/app/tickets.${ticketId}/typing`,
    read: `/app/tickets.${ticketId}/read`,
  }) as const satisfies Record<string, AppDestination>;
export const ALL_TICKETS_TOPIC = '/topic/tickets' as const;

const TICKET_EVENT_TYPES = new Set(['ticket.created', 'ticket.updated', 'sla.warning', 'sla.breached', 'sla.escalated']);

/** The ticket an event carries in full (`ticket.created`, `ticket.updated`, `sla.*`), if any. */
export function ticketOf(event: { type: string; data?: unknown }): Ticket | null {
  if (!TICKET_EVENT_TYPES.has(event.type)) return null;
  const data = event.data as { ticket?: unknown } | null | undefined;
  const ticket = data?.ticket as Ticket | undefined;
  return ticket && typeof ticket === 'object' && typeof ticket.id === 'string' && typeof ticket.version === 'number' ? ticket : null;
}

/** Ephemeral or bookkeeping events that do not belong in the timeline. */
const NOT_IN_TIMELINE = new Set(['typing', 'read', 'resync.required', 'wallboard.updated', 'presence']);

/** The event as a timeline entry, or null when it is not one (no seq, or a typing/read/presence event). */
export function asTimelineEvent(event: { seq: number | null; type: string; at: string; stream?: string; ticketId?: string | null; data?: unknown }): TicketEvent | null {
  if (typeof event.seq !== 'number' || NOT_IN_TIMELINE.has(event.type)) return null;
  const entry: TicketEvent = { seq: event.seq, type: event.type, at: event.at, data: event.data };
  if (event.stream) entry.stream = event.stream;
  if (event.ticketId) entry.ticketId = event.ticketId;
  return entry;
}

/** The highest seq among events, or undefined when none has one. */
export function maxSeq(events: readonly { seq?: number | null }[]): number | undefined {
  let best: number | undefined;
  for (const event of events) {
    if (typeof event.seq === 'number' && (best === undefined || event.seq > best)) best = event.seq;
  }
  return best;
}

/**
 * `base` plus the events of `extra` with a seq that `base` does not have. Events of `extra` without a
 * seq cannot be matched and are left out. Returns `base` itself when nothing is new.
 */
export function mergeBySeq(base: readonly TicketEvent[], extra: readonly TicketEvent[]): TicketEvent[] {
  const seen = new Set<number>();
  for (const event of base) if (typeof event.seq === 'number') seen.add(event.seq);
  const added = extra.filter((event) => typeof event.seq === 'number' && !seen.has(event.seq));
  if (added.length === 0) return base as TicketEvent[];
  return [...base, ...added];
}
