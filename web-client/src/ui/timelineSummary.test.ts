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
      'First response due 2026-11-22T08:15:00Z',
    );
    expect(summarizeEvent({ type: 'sla.breached', at: '', data: { clock: 'resolution', dueAt: '2026-11-22T08:15:00Z' } }, t, 'en').detail).toMatch(
      /^Resolution due Nov 22, 2026/,
    );
    expect(
      summarizeEvent({ type: 'sla.escalated', at: '', data: { clock: 'acknowledge', dueAt: '2026-11-22T08:15:00Z', reason: 'p1-unacknowledged' } }, t).detail,
    ).toBe('Acknowledge due 2026-11-22T08:15:00Z · P1 not acknowledged');
  });

  it('names who joined a P1 war room', () => {
    const joined = summarizeEvent(
      {
        type: 'incident.joined',
        at: '',
        data: {
          participants: [
            { id: 'u-bob', displayName: 'Bob', joinedAt: '2026-11-22T08:01:00Z' },
            { id: 'u-alice', displayName: 'Alice', joinedAt: '2026-11-22T08:03:00Z' },
          ],
        },
      },
      t,
    );
    expect(joined).toMatchObject({ label: 'Joined the P1 war room', actor: 'Alice' });
    expect(summarizeEvent({ type: 'incident.opened', at: '', data: { participants: [] } }, t).label).toBe('P1 war room opened');
  });

  it('keeps unknown event types readable', () => {
    expect(summarizeEvent({ type: 'kb.linked', at: '', data: { summary: 'Linked article 12' } }, t)).toEqual({
      label: 'kb.linked',
      actor: undefined,
      detail: 'Linked article 12',
    });
  });
});
