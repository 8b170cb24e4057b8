import { describe, expect, it } from 'vitest';
import type { Actor, Message } from '../api/types';
import { applyReads, isOtherSide, otherSideReadSeq, ownReadSeq, readOwnMessages, readSeqToSend, type ReadMarks } from './readMarks';

const alice = { id: 'u-alice', displayName: 'Alice Agent', role: 'AGENT' as const };
const bob = { id: 'u-bob', displayName: 'Bob Agent', role: 'AGENT' as const };
const carol = { id: 'u-carol', displayName: 'Carol', role: 'CUSTOMER' as const };

describe('readSeqToSend', () => {
  it('sends the newest seq when it is visible on a focused page and moves the mark forward', () => {
    expect(readSeqToSend({ newestSeq: 12, lastSent: undefined, newestVisible: true, focused: true })).toBe(12);
    expect(readSeqToSend({ newestSeq: 12, lastSent: 9, newestVisible: true, focused: true })).toBe(12);
  });

  it('sends nothing when not higher than the last one', () => {
    expect(readSeqToSend({ newestSeq: 12, lastSent: 12, newestVisible: true, focused: true })).toBeNull();
    expect(readSeqToSend({ newestSeq: 11, lastSent: 12, newestVisible: true, focused: true })).toBeNull();
  });

  it('sends nothing while the newest message is off screen or the page is not focused', () => {
    expect(readSeqToSend({ newestSeq: 12, lastSent: 3, newestVisible: false, focused: true })).toBeNull();
    expect(readSeqToSend({ newestSeq: 12, lastSent: 3, newestVisible: true, focused: false })).toBeNull();
    expect(readSeqToSend({ newestSeq: undefined, lastSent: 3, newestVisible: true, focused: true })).toBeNull();
  });
});

describe('read marks', () => {
  it('keep each user\'s highest mark and never go back', () => {
    let marks: ReadMarks = new Map();
    marks = applyReads(marks, [{ user: carol, seq: 5 }, { user: alice, seq: 3 }]);
    const same = applyReads(marks, [{ user: carol, seq: 4 }, { user: carol, seq: 5 }]);
    expect(same).toBe(marks);
    marks = applyReads(marks, [{ user: carol, seq: 8 }, { nonsense: true }, { user: {}, seq: 9 }, null]);
    expect(marks.get('u-carol')?.seq).toBe(8);
    expect(marks.size).toBe(2);
  });

  it('the other side of an agent is the customer; of the customer, the staff', () => {
    expect(isOtherSide(carol, alice)).toBe(true);
    expect(isOtherSide(bob, alice)).toBe(false);
    expect(isOtherSide(alice, alice)).toBe(false);
    expect(isOtherSide({ id: 'u-carol', displayName: 'Carol' }, alice, 'u-carol')).toBe(true);
    expect(isOtherSide(alice, carol)).toBe(true);
    expect(isOtherSide(bob, carol)).toBe(true);
    expect(isOtherSide(carol, carol)).toBe(false);
  });

  it('the other side has read up to the highest of their marks', () => {
    const marks = applyReads(new Map(), [
      { user: carol, seq: 7 },
      { user: alice, seq: 9 },
      { user: bob, seq: 12 },
    ]);
    expect(otherSideReadSeq(marks, alice)).toBe(7);
    expect(otherSideReadSeq(marks, carol)).toBe(12);
    expect(ownReadSeq(marks, alice)).toBe(9);
    expect(otherSideReadSeq(new Map(), alice)).toBeUndefined();
  });

  it('"Read" goes under our newest public message the other side has reached', () => {
    const message = (id: string, seq: number, author: Actor = alice, internal = false): Message => ({
      id,
      ticketId: 't',
      seq,
      author,
      body: id,
      internal,
      clientMessageId: id,
      createdAt: '2026-11-22T09:00:00Z',
    });
    const messages = [message('a1', 1), message('c2', 2, carol), message('a3', 3), message('n4', 4, alice, true), message('a5', 5)];
    expect(readOwnMessages(messages, alice, 4)).toEqual({ ids: new Set(['a1', 'a3']), latest: 'a3' });
    expect(readOwnMessages(messages, alice, 5).latest).toBe('a5');
    expect(readOwnMessages(messages, alice, undefined).latest).toBeNull();
    expect(readOwnMessages(messages, carol, 5).latest).toBe('c2');
  });
});
