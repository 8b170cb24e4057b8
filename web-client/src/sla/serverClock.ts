/**
 * The server's clock as seen from the browser. Countdowns run against `Date.now() + offset`, so a
 * browser whose clock is minutes off still shows the right time to breach, with no per-second traffic.
 *
 * One estimate is NTP-style: note the local time before (t0) and after (t1) GET /api/time and take
 * the server's `now` as the midpoint: offset = server - (t0 + t1) / 2, good to ± rtt/2. A sync takes a
 * few samples and keeps the one with the shortest round trip (the tightest bound).
 */

export interface OffsetSample {
  offsetMs: number;
  rttMs: number;
}

/** The offset of one exchange, or null when the server's answer is not a time. */
export function offsetSample(t0: number, serverNow: unknown, t1: number): OffsetSample | null {
  const server = typeof serverNow === 'string' ? Date.parse(serverNow) : typeof serverNow === 'number' ? serverNow : NaN;
  if (!Number.isFinite(server) || !Number.isFinite(t0) || !Number.isFinite(t1) || t1 < t0) return null;
  return { offsetMs: Math.round(server - (t0 + t1) / 2), rttMs: t1 - t0 };
}

/** The sample with the shortest round trip, or null. */
export function bestSample(samples: readonly (OffsetSample | null)[]): OffsetSample | null {
  let best: OffsetSample | null = null;
  for (const sample of samples) if (sample && (!best || sample.rttMs < best.rttMs)) best = sample;
  return best;
}

export interface ServerClockOptions {
  /** Asks the server for its time: `{now}` of GET /api/time. */
  fetchTime: () => Promise<{ now?: unknown } | null | undefined>;
  /** Local time; Date.now by default. */
  localNow?: () => number;
  /** Exchanges per sync. */
  samples?: number;
  /** Syncs again this often while started (10 minutes). */
  resyncMs?: number;
  /** A reconnect sooner than this after the last sync does not sync again. */
  minGapMs?: number;
}

/** Something that says when the live connection comes (back): RealtimeClient's state. */
export interface ConnectionSource {
  getState(): string;
  onStateChange(listener: (state: string) => void): () => void;
}

export class ServerClock {
  private offset = 0;
  private rtt: number | null = null;
  private syncedAt: number | null = null;
  private syncing: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unwatch: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<ServerClockOptions>;

  constructor(options: ServerClockOptions) {
    this.options = {
      localNow: () => Date.now(),
      samples: 3,
      resyncMs: 10 * 60_000,
      minGapMs: 5_000,
      ...options,
    };
  }

  /** Server time now, in ms since the epoch. */
  now = (): number => this.options.localNow() + this.offset;

  /** Server minus local clock, in ms (0 until the first sync). */
  offsetMs = (): number => this.offset;

  /** Round trip of the sample in use, null before the first sync. */
  rttMs = (): number | null => this.rtt;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * Estimates the offset again (one sync at a time). Failed exchanges are skipped; if all fail the
   * previous estimate stays.
   */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = this.measure().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async measure(): Promise<void> {
    const samples: (OffsetSample | null)[] = [];
    for (let i = 0; i < this.options.samples; i += 1) {
      const t0 = this.options.localNow();
      try {
        const answer = await this.options.fetchTime();
        samples.push(offsetSample(t0, answer?.now, this.options.localNow()));
      } catch {
        samples.push(null);
      }
    }
    const best = bestSample(samples);
    if (!best) return;
    this.syncedAt = this.options.localNow();
    const changed = best.offsetMs !== this.offset;
    this.offset = best.offsetMs;
    this.rtt = best.rttMs;
    if (changed) for (const listener of [...this.listeners]) listener();
  }

  /** Syncs now, every `resyncMs`, and whenever `connection` becomes connected again (a reconnect). */
  start(connection?: ConnectionSource | null): void {
    this.stop();
    void this.sync();
    this.timer = setInterval(() => void this.sync(), this.options.resyncMs);
    if (connection) {
      let previous = connection.getState();
      this.unwatch = connection.onStateChange((state) => {
        const reconnected = state === 'connected' && previous !== 'connected';
        previous = state;
        if (!reconnected) return;
        const since = this.syncedAt === null ? Infinity : this.options.localNow() - this.syncedAt;
        if (since >= this.options.minGapMs) void this.sync();
      });
    }
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.unwatch?.();
    this.unwatch = null;
  }
}
