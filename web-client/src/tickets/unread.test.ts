import { describe, expect, it } from 'vitest';
import { ticket } from '../testing/fixtures';
import { incrementUnread, keepUnread, resetUnread, unreadOf, unreadTicketOf } from './unread';

const message = (overrides: Record<string, unknown> = {}) => ({
  type: 'message.created',
  ticketId: 't1',
  data: { ticketId: 't1', internal: false, author: { id: 'u-carol', displayName: 'Carol', role: 'CUSTOMER' }, ...overrides },
});

describe('unread counts', () => {
  it('treat an absent or odd count as 0', () => {
    expect(unreadOf(ticket())).toBe(0);
    expect(unreadOf(ticket({ unread: 3 }))).toBe(3);
    expect(unreadOf({ unread: -1 })).toBe(0);
    expect(unreadOf({ unread: Number.NaN })).toBe(0);
  });

  it('count a customer message on a ticket that is not open', () => {
    expect(unreadTicketOf(message(), { openTicketId: null, me: 'u-alice' })).toBe('t1');
    expect(unreadTicketOf(message(), { openTicketId: 't1', me: 'u-alice' })).toBeNull();
    expect(unreadTicketOf(message({ author: { id: 'u-bob', role: 'AGENT' } }), {})).toBeNull();
    expect(unreadTicketOf(message({ internal: true }), {})).toBeNull();
    expect(unreadTicketOf({ type: 'ticket.updated', ticketId: 't1', data: {} }, {})).toBeNull();
    expect(unreadTicketOf({ ...message(), data: { ...message().data, ticketId: undefined } }, {})).toBe('t1');
  });

  it('increment and reset loaded rows only', () => {
    const rows = [ticket({ id: 't1' }), ticket({ id: 't2', unread: 2 })];
    const more = incrementUnread(rows, 't2');
    expect(more.map(unreadOf)).toEqual([0, 3]);
    expect(incrementUnread(rows, 'nope')).toBe(rows);
    expect(resetUnread(more, 't2').map(unreadOf)).toEqual([0, 0]);
    expect(resetUnread(rows, 't1')).toBe(rows);
  });

  it('keep the row\'s count when a live change replaces the ticket', () => {
    const rows = [ticket({ id: 't1', unread: 4 })];
    expect(keepUnread(rows, ticket({ id: 't1', version: 9 })).unread).toBe(4);
    expect(keepUnread(rows, ticket({ id: 't9', unread: 1 })).unread).toBe(1);
  });
});
