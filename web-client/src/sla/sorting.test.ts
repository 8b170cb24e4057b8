import { describe, expect, it } from 'vitest';
import type { TicketSla } from '../api/types';
import { ticket } from '../testing/fixtures';
import { applyTicketToList } from '../tickets/liveList';
import { byTimeToBreach, comparatorFor, sortTickets } from './sorting';

const due = (nextDueAt: string | null, state: TicketSla['state'] = 'OK'): TicketSla => ({
  policy: 'P2',
  state,
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  nextDueAt,
  clocks: [],
});

const overdue = ticket({ id: 'overdue', number: 1, sla: due('2026-11-22T07:50:00Z', 'BREACHED') });
const soon = ticket({ id: 'soon', number: 2, sla: due('2026-11-22T08:05:00Z') });
const later = ticket({ id: 'later', number: 3, sla: due('2026-11-22T12:00:00Z') });
const pausedOld = ticket({ id: 'paused-old', number: 4, sla: due(null, 'PAUSED') });
const metNew = ticket({ id: 'met-new', number: 9, sla: due(null, 'MET') });
const noSla = ticket({ id: 'no-sla', number: 7, sla: null });

const ids = (tickets: readonly { id: string }[]) => tickets.map((entry) => entry.id);

describe('sorting by time to breach', () => {
  it('puts running clocks first, most overdue and soonest due on top, then the rest newest first', () => {
    expect(ids(sortTickets([later, metNew, soon, noSla, overdue, pausedOld], 'due'))).toEqual([
      'overdue',
      'soon',
      'later',
      'met-new',
      'no-sla',
      'paused-old',
    ]);
  });

  it('breaks ties of the same due time by number, newest first', () => {
    const twin = ticket({ id: 'twin', number: 5, sla: due('2026-11-22T08:05:00Z') });
    expect(ids([soon, twin].sort(byTimeToBreach))).toEqual(['twin', 'soon']);
  });

  it('works out the due time from the clocks when the server sends no nextDueAt', () => {
    const fromClocks = ticket({
      id: 'clocks',
      number: 8,
      sla: {
        policy: 'P1',
        state: 'OK',
        firstResponseDueAt: '2026-11-22T08:01:00Z',
        nextResponseDueAt: null,
        resolutionDueAt: '2026-11-22T12:00:00Z',
      },
    });
    expect(ids(sortTickets([soon, fromClocks, overdue], 'due'))).toEqual(['overdue', 'clocks', 'soon']);
  });

  it('is number descending otherwise', () => {
    expect(ids(sortTickets([soon, metNew, overdue], 'number'))).toEqual(['met-new', 'soon', 'overdue']);
    expect(ids(sortTickets([soon, metNew, overdue], undefined))).toEqual(['met-new', 'soon', 'overdue']);
  });
});

describe('a list sorted by time to breach keeps itself sorted as events arrive', () => {
  const order = comparatorFor('due');
  const list = [overdue, soon, later, metNew];

  it('inserts a new ticket where its due time belongs', () => {
    const between = ticket({ id: 'between', number: 20, sla: due('2026-11-22T09:00:00Z') });
    const result = applyTicketToList(list, between, { filter: {}, order });
    expect(result.change).toBe('inserted');
    expect(ids(result.items)).toEqual(['overdue', 'soon', 'between', 'later', 'met-new']);
  });

  it('moves a changed ticket: a met first response moves it down, a new customer message up', () => {
    const answered = { ...soon, version: soon.version + 1, sla: due('2026-11-22T16:00:00Z') };
    expect(ids(applyTicketToList(list, answered, { filter: {}, order }).items)).toEqual(['overdue', 'later', 'soon', 'met-new']);
    const solved = { ...overdue, version: overdue.version + 1, sla: due(null, 'MET') };
    expect(ids(applyTicketToList(list, solved, { filter: {}, order }).items)).toEqual(['soon', 'later', 'met-new', 'overdue']);
    const urgent = { ...later, version: later.version + 1, sla: due('2026-11-22T08:00:00Z') };
    expect(ids(applyTicketToList(list, urgent, { filter: {}, order }).items)).toEqual(['overdue', 'later', 'soon', 'met-new']);
  });

  it('drops a changed ticket that now belongs past the loaded rows while the server has more', () => {
    const relaxed = { ...soon, version: soon.version + 1, sla: due(null, 'PAUSED') };
    const result = applyTicketToList(list, relaxed, { filter: {}, order, hasMore: true });
    expect(result.change).toBe('removed');
    expect(ids(result.items)).toEqual(['overdue', 'later', 'met-new']);
  });

  it('leaves a list by number as it was: changes replace the row in place', () => {
    const byNumber = [metNew, later, soon];
    const answered = { ...soon, version: soon.version + 1, sla: due('2026-11-22T16:00:00Z') };
    expect(ids(applyTicketToList(byNumber, answered, { filter: {} }).items)).toEqual(['met-new', 'later', 'soon']);
  });
});
