import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTyping, dropTypist, expireTypists, nextExpiry, TYPING_DEFAULT_EXPIRY_MS, TypingSender, type Typists } from './typing';

describe('TypingSender', () => {
  let now = 0;
  let sent: { typing: boolean; internal: boolean }[] = [];
  let sender: TypingSender;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000_000;
    sent = [];
    sender = new TypingSender({ send: (typing, internal) => sent.push({ typing, internal }), now: () => now });
  });
  afterEach(() => {
    sender.dispose();
    vi.useRealTimers();
  });

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('sends typing:true at once, then at most every 2 s while keys keep coming', () => {
    sender.input(true);
    expect(sent).toEqual([{ typing: true, internal: false }]);
    for (let i = 0; i < 19; i += 1) {
      advance(100);
      sender.input(true);
    }
    // 1.9 s of typing: still one
    expect(sent).toHaveLength(1);
    advance(100);
    sender.input(true);
    expect(sent).toEqual([
      { typing: true, internal: false },
      { typing: true, internal: false },
    ]);
  });

  it('sends typing:false after 4 s without a key', () => {
    sender.input(true);
    advance(3_999);
    expect(sent).toHaveLength(1);
    advance(1);
    expect(sent.at(-1)).toEqual({ typing: false, internal: false });
    expect(sender.typing).toBe(false);
    // and nothing more
    advance(10_000);
    expect(sent).toHaveLength(2);
  });

  it('each key moves the idle deadline', () => {
    sender.input(true);
    advance(3_000);
    sender.input(true);
    advance(3_000);
    expect(sent.filter((entry) => !entry.typing)).toHaveLength(0);
    advance(1_000);
    expect(sent.at(-1)?.typing).toBe(false);
  });

  it('sends typing:false on send/blur (stop) only if true went out', () => {
    sender.stop();
    expect(sent).toHaveLength(0);
    sender.input(true);
    sender.stop();
    expect(sent).toEqual([
      { typing: true, internal: false },
      { typing: false, internal: false },
    ]);
    // typing again right after a stop is announced at once
    sender.input(true);
    expect(sent.at(-1)).toEqual({ typing: true, internal: false });
  });

  it('an emptied box counts as stopped', () => {
    sender.input(true);
    sender.input(false);
    expect(sent.at(-1)).toEqual({ typing: false, internal: false });
  });

  it('tells the audience when an agent switches between reply and internal note', () => {
    sender.input(true, false);
    advance(500);
    sender.input(true, true);
    expect(sent).toEqual([
      { typing: true, internal: false },
      { typing: false, internal: false },
      { typing: true, internal: true },
    ]);
    sender.stop();
    expect(sent.at(-1)).toEqual({ typing: false, internal: true });
  });
});

describe('typing indicators', () => {
  const bob = { id: 'u-bob', displayName: 'Bob Agent', role: 'AGENT' as const };
  const carol = { id: 'u-carol', displayName: 'Carol', role: 'CUSTOMER' as const };
  const empty: Typists = new Map();

  it('shows others typing until expiresInMs, ignoring oneself', () => {
    let typists = applyTyping(empty, { user: bob, typing: true, expiresInMs: 5_000 }, 'u-alice', 1_000);
    typists = applyTyping(typists, { user: { id: 'u-alice', displayName: 'Alice' }, typing: true }, 'u-alice', 1_000);
    expect([...typists.keys()]).toEqual(['u-bob']);
    expect(typists.get('u-bob')?.expiresAt).toBe(6_000);
    expect(nextExpiry(typists)).toBe(6_000);
    expect(expireTypists(typists, 5_999)).toBe(typists);
    expect(expireTypists(typists, 6_000).size).toBe(0);
  });

  it('a new event extends the indicator; typing:false removes it', () => {
    let typists = applyTyping(empty, { user: carol, typing: true, expiresInMs: 3_000 }, 'u-alice', 0);
    typists = applyTyping(typists, { user: carol, typing: true, expiresInMs: 3_000 }, 'u-alice', 2_000);
    expect(typists.get('u-carol')?.expiresAt).toBe(5_000);
    typists = applyTyping(typists, { user: carol, typing: false }, 'u-alice', 2_500);
    expect(typists.size).toBe(0);
  });

  it('uses a default expiry when the event has none, and remembers internal', () => {
    const typists = applyTyping(empty, { user: bob, typing: true, internal: true }, 'u-alice', 0);
    expect(typists.get('u-bob')).toMatchObject({ internal: true, expiresAt: TYPING_DEFAULT_EXPIRY_MS });
  });

  it('ignores events without a user and returns the same map when nothing changes', () => {
    expect(applyTyping(empty, { typing: true }, 'u-alice', 0)).toBe(empty);
    expect(applyTyping(empty, null, 'u-alice', 0)).toBe(empty);
    expect(applyTyping(empty, { user: bob, typing: false }, 'u-alice', 0)).toBe(empty);
  });

  it('drops a typist who just sent a message', () => {
    const typists = applyTyping(empty, { user: bob, typing: true }, 'u-alice', 0);
    expect(dropTypist(typists, 'u-bob').size).toBe(0);
    expect(dropTypist(typists, 'u-nobody')).toBe(typists);
    expect(nextExpiry(empty)).toBeNull();
  });
});
