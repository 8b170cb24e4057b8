import { afterEach, describe, expect, it, vi } from 'vitest';
import { bestSample, offsetSample, ServerClock, type ConnectionSource } from './serverClock';

describe('offsetSample', () => {
  it('takes the server time as the midpoint of the round trip', () => {
    // sent at local 1000, answered at local 1200: the server said 6100 at local ~1100
    expect(offsetSample(1_000, new Date(6_100).toISOString(), 1_200)).toEqual({ offsetMs: 5_000, rttMs: 200 });
    expect(offsetSample(1_000, 900, 1_100)).toEqual({ offsetMs: -150, rttMs: 100 });
  });

  it('refuses an answer that is not a time', () => {
    expect(offsetSample(1_000, 'tea time', 1_100)).toBeNull();
    expect(offsetSample(1_000, undefined, 1_100)).toBeNull();
    expect(offsetSample(1_100, 2_000, 1_000)).toBeNull();
  });
});

describe('bestSample', () => {
  it('keeps the sample with the shortest round trip', () => {
    expect(bestSample([{ offsetMs: 10, rttMs: 300 }, null, { offsetMs: 4, rttMs: 40 }, { offsetMs: 7, rttMs: 90 }])).toEqual({ offsetMs: 4, rttMs: 40 });
    expect(bestSample([null])).toBeNull();
  });
});

/** A server whose clock is `skew` ahead of the local one, answering after `delays` (ms, one per call). */
function fakeServer(skew: number, delays: number[]) {
  let local = 1_000_000;
  let call = 0;
  const fetchTime = vi.fn(async () => {
    const delay = delays[call % delays.length] ?? 0;
    call += 1;
    local += delay / 2;
    const now = new Date(local + skew).toISOString();
    local += delay / 2;
    return { now };
  });
  return { fetchTime, localNow: () => local, advance: (ms: number) => (local += ms) };
}

class FakeConnection implements ConnectionSource {
  state = 'connecting';
  listeners = new Set<(state: string) => void>();
  getState = () => this.state;
  onStateChange = (listener: (state: string) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(state: string) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

describe('ServerClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('corrects the local clock by the estimated offset, from the sample with the shortest round trip', async () => {
    const server = fakeServer(-90_000, [400, 20, 250]);
    const clock = new ServerClock({ fetchTime: server.fetchTime, localNow: server.localNow });
    expect(clock.now()).toBe(server.localNow());
    const changes = vi.fn();
    clock.subscribe(changes);
    await clock.sync();
    expect(server.fetchTime).toHaveBeenCalledTimes(3);
    expect(clock.offsetMs()).toBe(-90_000);
    expect(clock.rttMs()).toBe(20);
    expect(clock.now()).toBe(server.localNow() - 90_000);
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('keeps the last estimate when the server cannot be asked', async () => {
    const server = fakeServer(5_000, [10]);
    const clock = new ServerClock({ fetchTime: server.fetchTime, localNow: server.localNow });
    await clock.sync();
    server.fetchTime.mockRejectedValue(new Error('offline'));
    await clock.sync();
    expect(clock.offsetMs()).toBe(5_000);
  });

  it('syncs again every 10 minutes and on a reconnect, not on the first connect right after starting', async () => {
    vi.useFakeTimers();
    const server = fakeServer(2_000, [10]);
    const connection = new FakeConnection();
    const clock = new ServerClock({ fetchTime: server.fetchTime, localNow: server.localNow, samples: 1 });
    clock.start(connection);
    await vi.waitFor(() => expect(server.fetchTime).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    connection.set('connected');
    expect(server.fetchTime).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(server.fetchTime).toHaveBeenCalledTimes(2);

    server.advance(60_000);
    connection.set('reconnecting');
    connection.set('connected');
    await vi.waitFor(() => expect(server.fetchTime).toHaveBeenCalledTimes(3));

    clock.stop();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    connection.set('reconnecting');
    connection.set('connected');
    expect(server.fetchTime).toHaveBeenCalledTimes(3);
  });
});
