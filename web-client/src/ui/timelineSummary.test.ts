import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../api/types';
import { translator } from '../i18n/language';
import { ticket } from '../testing/fixtures';
import { sortOldestFirst, summarizeEvent } from './timelineSummary';

const t = translator('en');

describe('sortOldestFirst', () => {
  it('orders by seq, then by time, without touching the input', () => {
    const events: TicketEvent[] = [
      { seq: 3, type: 'c', at: '2026-11-22T08:03:00Z' },
      { seq: 1, type: 'a', at: '2026-11-22T08:05:00Z' },
      { seq: 2, type: 'b', at: '2026-11-22T08:01:00Z' },
    ];
    expect(sortOldestFirst(events).map((event) => event.type)).toEqual(['a', 'b', 'c']);
    expect(events[0]?.type).toBe('c');
    expect(sortOldestFirst([{ type: 'late', at: '2026-11-22T09:00:00Z' }, { type: 'early', at: '2026-11-22T08:00:00Z' }]).map((e) => e.type)).toEqual([
      'early',
      'late',
    ]);
  });
});

describe('summarizeEvent', () => {
  it('describes a status change with the new value', () => {
    const summary = summarizeEvent(
      { seq: 2, type: 'ticket.updated', at: '2026-11-22T08:00:00Z', data: { ticket: ticket({ status: 'PENDING' }), changed: ['status'], actor: { id: 'u', displayName: 'Bob' } } },
      t,
    );
    expect(summary).toEqual({ label: 'Ticket updated', actor: 'Bob', detail: 'Changed: status → Pending' });
  });

  it('shows the author and body of a message and flags internal notes', () => {
    const summary = summarizeEvent(
      { seq: 3, type: 'message.created', at: '2026-11-22T08:00:00Z', data: { body: 'Restarted it', internal: true, author: { id: 'a', displayName: 'Alice', role: 'AGENT' } } },
      t,
    );
    expect(summary).toMatchObject({ label: 'Message · Internal note', actor: 'Alice', detail: 'Restarted it', internal: true });
  });

  it('mentions the automatic assignment reason and SLA clocks', () => {
    expect(summarizeEvent({ type: 'ticket.updated', at: '', data: { changed: [], assignmentReason: 'skill:printers' } }, t).detail).toBe(
      'Assigned automatically: skill:printers',
    );
    expect(summarizeEvent({ type: 'sla.warning', at: '', data: { clock: 'firstResponse', dueAt: '2026-11-22T08:15:00Z' } }, t).detail).toBe(
      'firstResponse due 2026-11-22T08:15:00Z',
    );
  });

  it('keeps unknown event types readable', () => {
    expect(summarizeEvent({ type: 'kb.linked', at: '', data: { summary: 'Linked article 12' } }, t)).toEqual({
      label: 'kb.linked',
      actor: undefined,
      detail: 'Linked article 12',
    });
  });
});
