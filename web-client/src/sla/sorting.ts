import type { Ticket, TicketSort } from '../api/types';
import { nextDueTime } from './countdown';

export type TicketComparator = (a: Ticket, b: Ticket) => number;

/** Number descending: the server's default order. */
export const byNumberDesc: TicketComparator = (a, b) => b.number - a.number;

/**
 * Time to breach ascending, as the server's `sort=due`: tickets with a running clock first, the one
 * due soonest (or most overdue) on top; then the rest, newest first.
 */
export const byTimeToBreach: TicketComparator = (a, b) => {
  const dueA = nextDueTime(a.sla);
  const dueB = nextDueTime(b.sla);
  if (dueA !== null && dueB !== null && dueA !== dueB) return dueA - dueB;
  if (dueA !== null && dueB === null) return -1;
  if (dueA === null && dueB !== null) return 1;
  return byNumberDesc(a, b);
};

export const comparatorFor = (sort: TicketSort | '' | undefined): TicketComparator => (sort === 'due' ? byTimeToBreach : byNumberDesc);

/** A sorted copy (stable). */
export const sortTickets = (tickets: readonly Ticket[], sort: TicketSort | '' | undefined): Ticket[] => [...tickets].sort(comparatorFor(sort));
