import { describe, expect, it } from 'vitest';
import { FRESH_MS, isFresh, loadSeenSeq, saveSeenSeq } from './alertMarks';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, value),
  };
}

describe('alert marks', () => {
  it('remembers the highest seq read, per user', () => {
    const storage = memoryStorage();
    expect(loadSeenSeq('alice', storage)).toBeUndefined();
    saveSeenSeq('alice', 7, storage);
    saveSeenSeq('alice', 5, storage);
    saveSeenSeq('bob', 2, storage);
    expect(loadSeenSeq('alice', storage)).toBe(7);
    expect(loadSeenSeq('bob', storage)).toBe(2);
  });

  it('ignores what is not a seq', () => {
    const storage = memoryStorage();
    storage.setItem('lifeline.alerts.seen.alice', 'nonsense');
    expect(loadSeenSeq('alice', storage)).toBeUndefined();
  });

  it('calls an alert fresh for a minute after it fired', () => {
    const now = Date.parse('2026-11-22T08:00:00Z');
    expect(isFresh('2026-11-22T07:59:30Z', now)).toBe(true);
    expect(isFresh(new Date(now - FRESH_MS - 1).toISOString(), now)).toBe(false);
  });
});
