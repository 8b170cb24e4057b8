import { useSyncExternalStore } from 'react';

interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
}

/** One timer per interval for the whole page, however many countdowns show. */
const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: null };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const clock = clockOf(intervalMs);
  clock.listeners.add(listener);
  if (clock.timer === null) {
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const notify of [...clock.listeners]) notify();
    }, intervalMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0) {
      if (clock.timer !== null) clearInterval(clock.timer);
      clocks.delete(intervalMs);
    }
  };
}

/** Stable subscribe/snapshot functions per interval, so React does not resubscribe on every render. */
const stores = new Map<number, { subscribe: (listener: () => void) => () => void; snapshot: () => number }>();

function storeOf(intervalMs: number) {
  let store = stores.get(intervalMs);
  if (!store) {
    store = {
      subscribe: (listener) => subscribe(intervalMs, listener),
      snapshot: () => clockOf(intervalMs).now,
    };
    stores.set(intervalMs, store);
  }
  return store;
}

/**
 * The current time in ms, refreshed every `intervalMs` (every second by default, so SLA countdowns
 * tick on screen). Components that use the same interval share one timer and re-render together.
 */
export function useNow(intervalMs = 1_000): number {
  const store = storeOf(intervalMs);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
