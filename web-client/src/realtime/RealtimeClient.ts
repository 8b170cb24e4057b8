import { Client, type IFrame, type IMessage, type StompHeaders, type StompSubscription } from '@stomp/stompjs';
import { returnToLogin } from '../api/client';
import { loadSession } from '../api/session';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './backoff';
import type { AppDestination, Destination, EventFor, RealtimeEvent } from './events';

/**
 * - `connecting`: the first connection of the page is on its way (or being retried before it ever worked)
 * - `connected`: CONNECTED received; subscriptions are live
 * - `reconnecting`: the connection was lost; waiting (backoff) or trying again
 * - `offline`: not trying: the browser is offline, the client is stopped, or the session ended
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const CONNECTION_STATES: readonly ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'offline'];

export interface SubscribeOptions {
  /**
   * The highest seq the view already has (e.g. from the REST timeline). The first SUBSCRIBE then
   * carries `resume-after` with it, so nothing between the REST load and the subscription is missed.
   */
  resumeAfter?: number | undefined;
  /**
   * Reload the view over REST. Called for a `resync.required` event (with the stream's head seq, from
   * which the subscription goes on), and after a reconnect that could not resume because the
   * subscription had not seen any seq yet (with null).
   */
  onResync?: ((headSeq: number | null) => void) | undefined;
  /** The server refused this subscription (ERROR frame naming it); it is dropped, not retried. */
  onError?: ((message: string) => void) | undefined;
}

export interface RealtimeSubscription {
  readonly destination: Destination;
  /** The highest seq processed so far (what the next resume starts after). */
  lastSeq(): number | undefined;
  unsubscribe(): void;
}

export interface PublishOptions {
  /**
   * Ask for a RECEIPT: the promise then resolves only once the server says the effect is durable
   * (committed), and rejects when the server refuses it (ERROR naming the receipt), the connection
   * goes first, or no answer comes in time. Without it the promise resolves once the frame is handed
   * to the socket (fire and forget: typing, read marks).
   */
  receipt?: boolean;
  /** How long to wait for the RECEIPT; 15 s by default. */
  timeoutMs?: number;
}

export type SendFailure = 'not-connected' | 'disconnected' | 'refused' | 'timeout';

/** Why a SEND did not (or may not have) taken effect. Only `refused` is an answer from the server. */
export class SendError extends Error {
  readonly reason: SendFailure;
  constructor(reason: SendFailure, message?: string) {
    super(message ? `${reason}: ${message}` : reason);
    this.name = 'SendError';
    this.reason = reason;
  }
}

export const isSendError = (value: unknown): value is SendError => value instanceof SendError;

/** What views need from a real-time connection; RealtimeClient is the real one, tests may fake it. */
export interface Realtime {
  start(): void;
  stop(): void;
  getState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  subscribe<D extends Destination>(destination: D, handler: (event: EventFor<D>) => void, options?: SubscribeOptions): RealtimeSubscription;
  /** SEND a JSON body to an application destination. Rejects with a SendError (`not-connected` at once when not connected). */
  publish(destination: AppDestination, body: unknown, options?: PublishOptions): Promise<void>;
}

interface PendingSend {
  resolve: () => void;
  reject: (error: SendError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface RealtimeClientOptions {
  /** WebSocket URL; `ws(s)://<page host>/ws` by default. */
  url?: string | (() => string);
  /** Bearer token for CONNECT; the stored session's by default. Null means the session is over. */
  getToken?: () => string | null;
  /** The token was refused or has expired: by default the session is cleared and the login page shown. */
  onAuthFailure?: () => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A connection that lasted this long resets the backoff to its first step. */
  stableAfterMs?: number;
  /** Give up on a handshake that takes longer than this (then back off and retry). */
  connectionTimeoutMs?: number;
  heartbeatMs?: number;
  random?: () => number;
  now?: () => number;
  debug?: (message: string) => void;
}

/** `ws://host/ws` for http pages, `wss://host/ws` for https ones. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

const AUTH_ERROR = /token|expired|unauthori[sz]ed|unauthenticated|authenticat|credential|\b401\b/i;

/** Whether an ERROR frame's message means the login is no longer good (so retrying cannot help). */
export function isAuthError(message: string | undefined | null): boolean {
  return typeof message === 'string' && AUTH_ERROR.test(message);
}

/** The event in a MESSAGE body, or null when it is not a JSON event. */
export function parseEvent(body: string): RealtimeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const event = value as Record<string, unknown>;
  if (typeof event.type !== 'string') return null;
  const seq = typeof event.seq === 'number' && Number.isFinite(event.seq) ? event.seq : null;
  return { ...event, seq } as unknown as RealtimeEvent;
}

interface Entry {
  key: number;
  destination: Destination;
  handler: (event: RealtimeEvent) => void;
  options: SubscribeOptions;
  lastSeq: number | undefined;
  stomp: StompSubscription | null;
  /** Was sent to the server on an earlier connection (so a new SUBSCRIBE is a re-subscribe). */
  subscribedBefore: boolean;
  closed: boolean;
}

const noop = () => undefined;

/**
 * One STOMP connection per page over @stomp/stompjs, with typed subscriptions that survive reconnects.
 *
 * - stompjs' own reconnect is off (`reconnectDelay: 0`): a lost connection is retried here, after
 *   an exponential backoff with full jitter (1 s base, 30 s cap), on a fresh stompjs Client.
 * - Every subscription remembers the last seq it processed; on reconnect it subscribes again with
 *   `resume-after:<lastSeq>`, and events with a seq at or below it are dropped as duplicates.
 * - `resync.required` goes to the subscription's `onResync` (reload over REST) and moves lastSeq to
 *   the stream head it carries.
 * - An ERROR frame about the token ends the session (login page) instead of retrying forever; one
 *   naming a subscription (by `receipt-id` or destination) drops that subscription.
 */
export class RealtimeClient implements Realtime {
  private readonly options: Required<Omit<RealtimeClientOptions, 'url'>> & { url: () => string };
  private readonly entries = new Map<number, Entry>();
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  /** receipt header of a SUBSCRIBE -> its entry, for ERROR frames that carry `receipt-id`. */
  private readonly receipts = new Map<string, number>();
  private state: ConnectionState = 'offline';
  private stomp: Client | null = null;
  private running = false;
  private everConnected = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connectedAt: number | null = null;
  private connectionNo = 0;
  private nextKey = 1;
  private nextSend = 1;
  /** receipt header of a SEND -> whoever waits for its RECEIPT. */
  private readonly sends = new Map<string, PendingSend>();
  private listening = false;
  /** Duplicates dropped so far (seq at or below the last one); for tests and debugging. */
  duplicatesDropped = 0;

  constructor(options: RealtimeClientOptions = {}) {
    const url = options.url;
    this.options = {
      url: typeof url === 'function' ? url : () => url ?? webSocketUrl(),
      getToken: options.getToken ?? (() => loadSession()?.token ?? null),
      onAuthFailure: options.onAuthFailure ?? returnToLogin,
      baseDelayMs: options.baseDelayMs ?? BACKOFF_BASE_MS,
      maxDelayMs: options.maxDelayMs ?? BACKOFF_CAP_MS,
      stableAfterMs: options.stableAfterMs ?? 10_000,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 15_000,
      heartbeatMs: options.heartbeatMs ?? 10_000,
      random: options.random ?? Math.random,
      now: options.now ?? (() => Date.now()),
      debug: options.debug ?? noop,
    };
  }

  // ---- state ---------------------------------------------------------------------------------

  getState = (): ConnectionState => this.state;

  onStateChange = (listener: (state: ConnectionState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private get waitingState(): ConnectionState {
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.everConnected = false;
    this.attempt = 0;
    this.listenToNetwork(true);
    this.setState('connecting');
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.listenToNetwork(false);
    this.clearTimer();
    this.dropConnection();
    this.setState('offline');
  }

  private connect(): void {
    this.timer = null;
    if (!this.running || this.stomp) return;
    if (!this.online()) {
      this.setState('offline');
      return;
    }
    const token = this.options.getToken();
    if (!token) {
      this.authFailed('no session');
      return;
    }
    this.setState(this.waitingState);
    this.connectionNo += 1;
    const client = new Client({
      brokerURL: this.options.url(),
      connectHeaders: { Authorization: `Bearer ${token}` },
      heartbeatIncoming: this.options.heartbeatMs,
      heartbeatOutgoing: this.options.heartbeatMs,
      // reconnects are ours (backoff with jitter); 0 turns stompjs' fixed-delay reconnect off
      reconnectDelay: 0,
      connectionTimeout: this.options.connectionTimeoutMs,
      // on a lost heart-beat drop the socket at once instead of waiting for a close handshake
      discardWebsocketOnCommFailure: true,
      debug: this.options.debug,
    });
    client.onConnect = () => this.connected(client);
    client.onStompError = (frame) => this.stompError(client, frame);
    client.onWebSocketClose = () => this.closed(client);
    this.stomp = client;
    client.activate();
  }

  private connected(client: Client): void {
    if (client !== this.stomp) return;
    this.everConnected = true;
    this.connectedAt = this.options.now();
    this.receipts.clear();
    this.setState('connected');
    for (const entry of [...this.entries.values()]) this.send(entry, client);
  }

  private closed(client: Client): void {
    if (client !== this.stomp) return;
    this.stomp = null;
    void client.deactivate().catch(noop);
    for (const entry of this.entries.values()) entry.stomp = null;
    this.failSends('disconnected');
    if (!this.running) return;
    const stable = this.connectedAt !== null && this.options.now() - this.connectedAt >= this.options.stableAfterMs;
    if (stable) this.attempt = 0;
    this.connectedAt = null;
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.clearTimer();
    if (!this.online()) {
      // the 'online' event brings us back
      this.setState('offline');
      return;
    }
    const delay = backoffDelay(this.attempt, { baseMs: this.options.baseDelayMs, capMs: this.options.maxDelayMs, random: this.options.random });
    this.attempt += 1;
    this.options.debug(`realtime: reconnect attempt ${this.attempt} in ${delay} ms`);
    this.setState(this.waitingState);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private stompError(client: Client, frame: IFrame): void {
    if (client !== this.stomp) return;
    const message = frame.headers.message ?? frame.body ?? '';
    this.options.debug(`realtime: ERROR ${message}`);
    const sendReceipt = frame.headers['receipt-id'];
    if (sendReceipt && this.sends.has(sendReceipt)) {
      // the server refused that SEND (bad input, not allowed); it closes the connection next, and the
      // reconnect finds out whether the login itself is still good
      this.settleSend(sendReceipt, new SendError('refused', message));
      return;
    }
    if (isAuthError(message)) {
      this.authFailed(message);
      return;
    }
    const entry = this.entryOfError(frame, message);
    if (entry) {
      this.remove(entry);
      try {
        entry.options.onError?.(message);
      } catch (error) {
        this.report(error);
      }
    }
    // the server closes the connection after an ERROR; closed() then backs off and reconnects
  }

  private entryOfError(frame: IFrame, message: string): Entry | undefined {
    const receipt = frame.headers['receipt-id'];
    const byReceipt = receipt ? this.receipts.get(receipt) : undefined;
    if (byReceipt !== undefined) return this.entries.get(byReceipt);
    // otherwise the longest destination the message names (so /topic/tickets.7 wins over /topic/tickets)
    let best: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (message.includes(entry.destination) && (!best || entry.destination.length > best.destination.length)) best = entry;
    }
    return best;
  }

  private authFailed(reason: string): void {
    this.options.debug(`realtime: session over (${reason})`);
    this.running = false;
    this.listenToNetwork(false);
    this.clearTimer();
    this.dropConnection();
    this.setState('offline');
    this.options.onAuthFailure();
  }

  private dropConnection(): void {
    const client = this.stomp;
    this.stomp = null;
    this.connectedAt = null;
    for (const entry of this.entries.values()) entry.stomp = null;
    this.failSends('disconnected');
    if (client) void client.deactivate().catch(noop);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  // ---- network -------------------------------------------------------------------------------

  private online(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  private readonly wentOnline = () => {
    if (!this.running || this.stomp || this.timer !== null) return;
    // jittered too: a whole office's network may come back at once
    this.scheduleReconnect();
  };

  private readonly wentOffline = () => {
    if (!this.running) return;
    this.clearTimer();
    if (this.stomp) {
      // the socket is as good as dead; do not wait for missed heart-beats to notice
      this.stomp.forceDisconnect();
    } else {
      this.setState('offline');
    }
  };

  private listenToNetwork(on: boolean): void {
    if (typeof window === 'undefined' || on === this.listening) return;
    this.listening = on;
    if (on) {
      window.addEventListener('online', this.wentOnline);
      window.addEventListener('offline', this.wentOffline);
    } else {
      window.removeEventListener('online', this.wentOnline);
      window.removeEventListener('offline', this.wentOffline);
    }
  }

  // ---- SEND ----------------------------------------------------------------------------------

  publish(destination: AppDestination, body: unknown, options: PublishOptions = {}): Promise<void> {
    const client = this.stomp;
    if (!client || this.state !== 'connected' || !client.connected) {
      return Promise.reject(new SendError('not-connected'));
    }
    const headers: StompHeaders = { 'content-type': 'application/json' };
    const text = JSON.stringify(body ?? {});
    if (!options.receipt) {
      try {
        client.publish({ destination, body: text, headers });
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(new SendError('not-connected', error instanceof Error ? error.message : String(error)));
      }
    }
    const receipt = `send-${this.nextSend++}-${this.connectionNo}`;
    headers.receipt = receipt;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.settleSend(receipt, new SendError('timeout')), options.timeoutMs ?? 15_000);
      this.sends.set(receipt, { resolve, reject, timer });
      try {
        client.watchForReceipt(receipt, () => this.settleSend(receipt, null));
        client.publish({ destination, body: text, headers });
      } catch (error) {
        this.settleSend(receipt, new SendError('not-connected', error instanceof Error ? error.message : String(error)));
      }
    });
  }

  private settleSend(receipt: string, error: SendError | null): void {
    const pending = this.sends.get(receipt);
    if (!pending) return;
    this.sends.delete(receipt);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve();
  }

  /** The connection is gone: whether these SENDs took effect is unknown (the caller retries idempotently). */
  private failSends(reason: SendFailure): void {
    for (const receipt of [...this.sends.keys()]) this.settleSend(receipt, new SendError(reason));
  }

  // ---- subscriptions -------------------------------------------------------------------------

  subscribe<D extends Destination>(destination: D, handler: (event: EventFor<D>) => void, options: SubscribeOptions = {}): RealtimeSubscription {
    const entry: Entry = {
      key: this.nextKey++,
      destination,
      handler: handler as unknown as (event: RealtimeEvent) => void,
      options,
      lastSeq: typeof options.resumeAfter === 'number' && Number.isFinite(options.resumeAfter) ? options.resumeAfter : undefined,
      stomp: null,
      subscribedBefore: false,
      closed: false,
    };
    this.entries.set(entry.key, entry);
    if (this.stomp && this.state === 'connected') this.send(entry, this.stomp);
    return {
      destination,
      lastSeq: () => entry.lastSeq,
      unsubscribe: () => this.remove(entry),
    };
  }

  private remove(entry: Entry): void {
    if (entry.closed) return;
    entry.closed = true;
    this.entries.delete(entry.key);
    const subscription = entry.stomp;
    entry.stomp = null;
    if (subscription && this.stomp?.connected) {
      try {
        subscription.unsubscribe();
      } catch (error) {
        this.report(error);
      }
    }
  }

  private send(entry: Entry, client: Client): void {
    const resuming = entry.lastSeq !== undefined;
    const receipt = `sub-${entry.key}-${this.connectionNo}`;
    const headers: StompHeaders = { id: `sub-${entry.key}`, receipt };
    if (resuming) headers['resume-after'] = String(entry.lastSeq);
    this.receipts.set(receipt, entry.key);
    try {
      entry.stomp = client.subscribe(entry.destination, (message) => this.deliver(entry, message), headers);
    } catch (error) {
      // not connected after all; the next CONNECTED subscribes again
      this.report(error);
      return;
    }
    const gap = entry.subscribedBefore && !resuming;
    entry.subscribedBefore = true;
    if (gap) {
      // events may have been missed while away and there is no seq to resume from: reload
      this.call(() => entry.options.onResync?.(null));
    }
  }

  private deliver(entry: Entry, message: IMessage): void {
    if (entry.closed) return;
    const event = parseEvent(message.body);
    if (!event) {
      this.options.debug(`realtime: ignored a MESSAGE that is not an event on ${entry.destination}`);
      return;
    }
    if (event.type === 'resync.required') {
      if (typeof event.seq === 'number') entry.lastSeq = event.seq;
      const onResync = entry.options.onResync;
      this.call(() => (onResync ? onResync(event.seq) : entry.handler(event)));
      return;
    }
    if (typeof event.seq === 'number') {
      if (entry.lastSeq !== undefined && event.seq <= entry.lastSeq) {
        this.duplicatesDropped += 1;
        return;
      }
      entry.lastSeq = event.seq;
    }
    this.call(() => entry.handler(event));
  }

  private call(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.report(error);
    }
  }

  private report(error: unknown): void {
    this.options.debug(`realtime: ${error instanceof Error ? error.message : String(error)}`);
    if (typeof console !== 'undefined') console.error(error);
  }
}

/** The page's client: same-origin `/ws`, token from the stored session, login page when it ends. */
export function createRealtimeClient(options: RealtimeClientOptions = {}): RealtimeClient {
  return new RealtimeClient(options);
}
