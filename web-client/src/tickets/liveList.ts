import type { Ticket, TicketQuery } from '../api/types';

/** The filter part of a list query. */
export type ListFilter = Pick<TicketQuery, 'status' | 'priority' | 'assignee' | 'q'>;

export type ListChange = 'inserted' | 'updated' | 'removed' | 'none';

export interface ApplyContext {
  filter: ListFilter;
  /** The signed-in user's id, for `assignee=me`. */
  me?: string | undefined;
  /** The server has more pages after the loaded ones (nextCursor). */
  hasMore?: boolean;
  /**
   * The list's order when it is not by number (e.g. time to breach): a changed ticket then moves to
   * where it now belongs, so the list stays sorted as events arrive.
   */
  order?: ((a: Ticket, b: Ticket) => number) | undefined;
}

/** Whether the search text occurs in the ticket (number, subject, description, customer, tags); case-insensitive. */
export function matchesText(ticket: Ticket, q: string | undefined): boolean {
  const needle = q?.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    String(ticket.number),
    `#${ticket.number}`,
    ticket.subject,
    ticket.description,
    ticket.customer?.displayName ?? '',
    ...(ticket.tags ?? []),
  ]
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle);
}

/**
 * Whether a ticket passes the status, priority and assignee filters (all exact). `assignee=me`
 * without a known user matches nothing. The search text is checked separately (matchesText),
 * because only the server knows exactly how it searches.
 */
export function matchesFields(ticket: Ticket, filter: ListFilter, me?: string): boolean {
  if (filter.status && ticket.status !== filter.status) return false;
  if (filter.priority && ticket.priority !== filter.priority) return false;
  const assignee = filter.assignee ?? '';
  if (assignee === 'me') return Boolean(me) && ticket.assignee?.id === me;
  if (assignee === 'none') return ticket.assignee === null || ticket.assignee === undefined;
  if (assignee) return ticket.assignee?.id === assignee;
  return true;
}

const byNumberDesc = (a: Ticket, b: Ticket) => b.number - a.number;

/** Where a ticket goes in an ordered list (by number, highest first, by default): the index of the first row after it, or -1. */
function insertionIndex(items: readonly Ticket[], ticket: Ticket, order: (a: Ticket, b: Ticket) => number = byNumberDesc): number {
  return items.findIndex((existing) => order(existing, ticket) > 0);
}

/**
 * Applies a created or changed ticket (from a live event) to a loaded list, respecting its filters:
 *
 * - in the list and still matching: replaced in place (an older version than the one shown is ignored);
 *   with an `order`, moved to where it now belongs (dropped if that is past the loaded rows while the
 *   server has more pages)
 * - in the list but no longer matching status/priority/assignee: removed
 * - not in the list and matching (search text included): inserted by number, highest first; not when it
 *   would go after the last loaded row while the server has more pages (it belongs to a later page)
 *
 * A row already in the list is not removed for the search text: the server put it there and PATCH
 * does not change the text it searches.
 */
export function applyTicketToList(items: readonly Ticket[], ticket: Ticket, context: ApplyContext): { items: Ticket[]; change: ListChange } {
  const list = items as Ticket[];
  const index = items.findIndex((existing) => existing.id === ticket.id);
  const fits = matchesFields(ticket, context.filter, context.me);

  if (index >= 0) {
    const existing = items[index] as Ticket;
    if (ticket.version < existing.version) return { items: list, change: 'none' };
    if (!fits) return { items: items.filter((_, position) => position !== index), change: 'removed' };
    if (context.order) {
      const others = items.filter((_, position) => position !== index);
      const at = insertionIndex(others, ticket, context.order);
      if (at < 0) return context.hasMore ? { items: others, change: 'removed' } : { items: [...others, ticket], change: 'updated' };
      return { items: [...others.slice(0, at), ticket, ...others.slice(at)], change: 'updated' };
    }
    const copy = [...items];
    copy[index] = ticket;
    return { items: copy, change: 'updated' };
  }

  if (!fits || !matchesText(ticket, context.filter.q)) return { items: list, change: 'none' };
  const at = insertionIndex(items, ticket, context.order);
  if (at < 0) {
    if (context.hasMore) return { items: list, change: 'none' };
    return { items: [...items, ticket], change: 'inserted' };
  }
  return { items: [...items.slice(0, at), ticket, ...items.slice(at)], change: 'inserted' };
}

/** Replaces a ticket that is in the list with a newer or equal version; anything else leaves the list as it is. */
export function replaceIfNewer(items: readonly Ticket[], ticket: Ticket): Ticket[] {
  const index = items.findIndex((existing) => existing.id === ticket.id);
  const existing = items[index];
  if (!existing || ticket.version < existing.version) return items as Ticket[];
  const copy = [...items];
  copy[index] = ticket;
  return copy;
}
