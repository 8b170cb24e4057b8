import { describe, expect, it } from 'vitest';
import type { Message } from '../api/types';
import { asMessage, initials, mergeMessages, newestSeq, oldestSeq, sortBySeq } from './messages';

const message = (id: string, seq: number, overrides: Partial<Message> = {}): Message => ({
  id,
  ticketId: 't1',
  seq,
  author: { id: 'u-carol', displayName: 'Carol Customer', role: 'CUSTOMER' },
  body: `body ${id}`,
  internal: false,
  clientMessageId: `c-${id}`,
  createdAt: '2026-11-22T09:00:00Z',
  attachments: [],
  ...overrides,
});

describe('mergeMessages', () => {
  it('orders a newest-first page oldest first', () => {
    const page = [message('c', 30), message('b', 20), message('a', 10)];
    expect(mergeMessages([], page).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });

  it('drops a message it has by id, and one whose seq is taken', () => {
    const current = mergeMessages([], [message('a', 10), message('b', 20)]);
    const merged = mergeMessages(current, [message('a', 10), message('x', 20), message('c', 30)]);
    expect(merged.map((entry) => `${entry.id}@${entry.seq}`)).toEqual(['a@10', 'b@20', 'c@30']);
  });

  it('returns the same array when nothing is new (no re-render)', () => {
    const current = mergeMessages([], [message('a', 10)]);
    expect(mergeMessages(current, [message('a', 10)])).toBe(current);
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('puts an older page before and live messages after', () => {
    let list = mergeMessages([], [message('m50', 50), message('m40', 40)]);
    list = mergeMessages(list, [message('m60', 60)]);
    list = mergeMessages(list, [message('m30', 30), message('m20', 20)]);
    expect(list.map((entry) => entry.seq)).toEqual([20, 30, 40, 50, 60]);
    expect(oldestSeq(list)).toBe(20);
    expect(newestSeq(list)).toBe(60);
  });

  it('ignores things that are not messages and fills defaults for older data', () => {
    const merged = mergeMessages([], [{ nope: true } as unknown as Message, { ...message('a', 1), attachments: undefined, internal: undefined } as unknown as Message]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.attachments).toEqual([]);
    expect(merged[0]?.internal).toBe(false);
    expect(asMessage(null)).toBeNull();
    expect(asMessage({ id: 'x', seq: 'nope', body: '' })).toBeNull();
  });

  it('sorts by seq', () => {
    expect(sortBySeq([message('b', 2), message('a', 1)]).map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});

describe('initials', () => {
  it('takes the first letters of up to two words', () => {
    expect(initials('Alice Agent')).toBe('AA');
    expect(initials('bob')).toBe('B');
    expect(initials('Jean Claude Van Damme')).toBe('JC');
    expect(initials('张伟')).toBe('张伟');
    expect(initials('欧阳娜娜')).toBe('欧阳');
    expect(initials('')).toBe('?');
    expect(initials(undefined)).toBe('?');
  });
});
