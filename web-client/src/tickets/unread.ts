import type { Ticket } from '../api/types';

/** The unread count of a ticket row; absent (older data, customers' tickets) or bad means 0. */
export function unreadOf(ticket: Pick<Ticket, 'unread'>): number {
  const value = ticket.unread;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

interface MessageEventLike {
  type: string;
  ticketId?: string | null;
  data?: unknown;
}

/**
 * The ticket whose unread count a live event raises, or null: a `message.created` by the customer
 * (not an internal note, not by me) on a ticket that is not open on screen right now.
 */
export function unreadTicketOf(event: MessageEventLike, context: { openTicketId?: string | null; me?: string | undefined }): string | null {
  if (event.type !== 'message.created') return null;
  const message = (event.data ?? {}) as { ticketId?: unknown; internal?: unknown; author?: { id?: unknown; role?: unknown } };
  const ticketId = typeof message.ticketId === 'string' ? message.ticketId : event.ticketId;
  if (!ticketId || message.internal === true) return null;
  if (message.author?.role !== 'CUSTOMER') return null;
  if (context.me !== undefined && message.author?.id === context.me) return null;
  if (context.openTicketId && context.openTicketId === ticketId) return null;
  return ticketId;
}

function withUnread(items: readonly Ticket[], ticketId: string, next: (current: number) => number): Ticket[] {
  const index = items.findIndex((ticket) => ticket.id === ticketId);
  const existing = items[index];
  if (!existing) return items as Ticket[];
  const current = unreadOf(existing);
  const value = next(current);
  if (value === current && existing.unread !== undefined) return items as Ticket[];
  const copy = [...items];
  copy[index] = { ...existing, unread: value };
  return copy;
}

/** One more unread message on a loaded row (nothing when the row is not loaded). */
export const incrementUnread = (items: readonly Ticket[], ticketId: string): Ticket[] => withUnread(items, ticketId, (count) => count + 1);

/** The ticket was opened: nothing unread on its row. */
export const resetUnread = (items: readonly Ticket[], ticketId: string): Ticket[] => {
  const row = items.find((ticket) => ticket.id === ticketId);
  if (!row || unreadOf(row) === 0) return items as Ticket[];
  return withUnread(items, ticketId, () => 0);
};

/**
 * A ticket from a live change, carrying the row's unread count: a broadcast `ticket.updated` cannot
 * know each agent's read mark, so the count kept here (from the list load and live messages) wins.
 */
export function keepUnread(items: readonly Ticket[], ticket: Ticket): Ticket {
  const row = items.find((existing) => existing.id === ticket.id);
  if (!row) return ticket;
  return { ...ticket, unread: unreadOf(row) };
}
