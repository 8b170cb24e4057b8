import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/types';
import { alice, ticket } from '../testing/fixtures';
import { applyTicketToList, matchesFields, matchesText, replaceIfNewer, type ListFilter } from './liveList';

const bob = { id: 'u-bob', displayName: 'Bob Agent' };
const me = { id: alice.id, displayName: alice.displayName };
const ALL: ListFilter = { status: '', priority: '', assignee: '', q: '' };

/** A list ordered by number, highest first, as the server sends it. */
const list = (): Ticket[] => [
  ticket({ id: 'n30', number: 30, status: 'OPEN', priority: 'P1', assignee: me, version: 3 }),
  ticket({ id: 'n20', number: 20, status: 'NEW', priority: 'P2', assignee: null, version: 1 }),
  ticket({ id: 'n10', number: 10, status: 'OPEN', priority: 'P3', assignee: bob, version: 5 }),
];
const numbers = (items: readonly Ticket[]) => items.map((item) => item.number);

describe('applyTicketToList: created tickets', () => {
  it('inserts a matching ticket by number, highest first', () => {
    const top = applyTicketToList(list(), ticket({ id: 'n40', number: 40 }), { filter: ALL });
    expect(top.change).toBe('inserted');
    expect(numbers(top.items)).toEqual([40, 30, 20, 10]);

    const middle = applyTicketToList(list(), ticket({ id: 'n25', number: 25 }), { filter: ALL });
    expect(numbers(middle.items)).toEqual([30, 25, 20, 10]);
  });

  it('appends below the last row only when no later page exists', () => {
    const low = ticket({ id: 'n5', number: 5 });
    expect(numbers(applyTicketToList(list(), low, { filter: ALL, hasMore: false }).items)).toEqual([30, 20, 10, 5]);
    const paged = applyTicketToList(list(), low, { filter: ALL, hasMore: true });
    expect(paged.change).toBe('none');
    expect(numbers(paged.items)).toEqual([30, 20, 10]);
  });

  it('leaves out a ticket that does not match the filters', () => {
    const items = list();
    const result = applyTicketToList(items, ticket({ id: 'n50', number: 50, status: 'NEW' }), { filter: { ...ALL, status: 'OPEN' } });
    expect(result).toEqual({ items, change: 'none' });
    expect(result.items).toBe(items);
    expect(applyTicketToList(items, ticket({ id: 'n51', number: 51, priority: 'P4' }), { filter: { ...ALL, priority: 'P1' } }).change).toBe('none');
  });

  it('checks the search text for new rows', () => {
    const printer = ticket({ id: 'n60', number: 60, subject: 'Printer on fire', description: 'smoke' });
    expect(applyTicketToList(list(), printer, { filter: { ...ALL, q: 'PRINTER' } }).change).toBe('inserted');
    expect(applyTicketToList(list(), printer, { filter: { ...ALL, q: 'vpn' } }).change).toBe('none');
    expect(applyTicketToList(list(), printer, { filter: { ...ALL, q: '#60' } }).change).toBe('inserted');
  });
});

describe('applyTicketToList: updated tickets', () => {
  it('replaces a row in place with the newer version', () => {
    const items = list();
    const changed = { ...(items[1] as Ticket), priority: 'P1' as const, version: 2 };
    const result = applyTicketToList(items, changed, { filter: ALL });
    expect(result.change).toBe('updated');
    expect(numbers(result.items)).toEqual([30, 20, 10]);
    expect(result.items[1]).toBe(changed);
    expect(items[1]?.priority).toBe('P2');
  });

  it('ignores an older version than the one shown', () => {
    const items = list();
    const stale = { ...(items[2] as Ticket), status: 'NEW' as const, version: 4 };
    expect(applyTicketToList(items, stale, { filter: ALL })).toEqual({ items, change: 'none' });
  });

  it('removes a row that no longer matches', () => {
    const items = list().filter((item) => item.status === 'OPEN');
    const pending = { ...(items[0] as Ticket), status: 'PENDING' as const, version: 4 };
    const result = applyTicketToList(items, pending, { filter: { ...ALL, status: 'OPEN' } });
    expect(result.change).toBe('removed');
    expect(result.items.map((item) => item.id)).toEqual(['n10']);
  });

  it('inserts a ticket that starts to match, e.g. one just assigned to me', () => {
    const mine: ListFilter = { ...ALL, assignee: 'me' };
    const items = list().filter((item) => item.assignee?.id === alice.id);
    const taken = { ...(list()[1] as Ticket), assignee: me, version: 2 };
    const result = applyTicketToList(items, taken, { filter: mine, me: alice.id });
    expect(result.change).toBe('inserted');
    expect(result.items.map((item) => item.id)).toEqual(['n30', 'n20']);

    const given = { ...(result.items[0] as Ticket), assignee: bob, version: 4 };
    expect(applyTicketToList(result.items, given, { filter: mine, me: alice.id }).items.map((item) => item.id)).toEqual(['n20']);
  });

  it('keeps a row for the search text: the server chose it and a PATCH does not change that text', () => {
    const items = list();
    const changed = { ...(items[0] as Ticket), status: 'OPEN' as const, version: 9 };
    expect(applyTicketToList(items, changed, { filter: { ...ALL, q: 'something else' } }).change).toBe('updated');
  });
});

describe('filters', () => {
  it('matches assignee me, none and a user id', () => {
    const [mine, nobodys, bobs] = list() as [Ticket, Ticket, Ticket];
    expect(matchesFields(mine, { assignee: 'me' }, alice.id)).toBe(true);
    expect(matchesFields(mine, { assignee: 'me' })).toBe(false);
    expect(matchesFields(bobs, { assignee: 'me' }, alice.id)).toBe(false);
    expect(matchesFields(nobodys, { assignee: 'none' })).toBe(true);
    expect(matchesFields(mine, { assignee: 'none' })).toBe(false);
    expect(matchesFields(bobs, { assignee: 'u-bob' })).toBe(true);
    expect(matchesFields(bobs, {})).toBe(true);
  });

  it('searches number, subject, description, customer and tags without case', () => {
    const subject = ticket({ number: 77, subject: 'VPN drops', description: 'every hour', tags: ['network'] });
    expect(matchesText(subject, 'vpn')).toBe(true);
    expect(matchesText(subject, 'EVERY')).toBe(true);
    expect(matchesText(subject, 'carol')).toBe(true);
    expect(matchesText(subject, 'network')).toBe(true);
    expect(matchesText(subject, '77')).toBe(true);
    expect(matchesText(subject, 'printer')).toBe(false);
    expect(matchesText(subject, '   ')).toBe(true);
  });
});

describe('replaceIfNewer', () => {
  it('replaces only a shown ticket, and only with a version at least as new', () => {
    const items = list();
    const newer = { ...(items[2] as Ticket), status: 'SOLVED' as const, version: 6 };
    expect(replaceIfNewer(items, newer)[2]).toBe(newer);
    expect(replaceIfNewer(items, { ...newer, version: 2 })).toBe(items);
    expect(replaceIfNewer(items, ticket({ id: 'elsewhere' }))).toBe(items);
  });
});
