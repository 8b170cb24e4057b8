import { isApiError } from '../api/problem';
import type { Attachment, Message, NewMessage } from '../api/types';
import { backoffDelay } from '../realtime/backoff';
import { isSendError } from '../realtime/RealtimeClient';

/**
 * - `pending`: not (known to be) stored yet; it goes out as soon as it can, again after a failure
 * - `sending`: on its way now
 * - `committed`: the server confirmed it (RECEIPT); its `message.created` event has not come yet
 * - `failed`: the server refused it (4xx); the user retries or discards it
 */
export type OutgoingState = 'pending' | 'sending' | 'committed' | 'failed';

export interface Outgoing {
  /** Generated once per message; every retry sends the same one, so the server stores it once. */
  clientMessageId: string;
  body: string;
  internal: boolean;
  attachments: Attachment[];
  createdAt: string;
  state: OutgoingState;
  /** Tries so far. */
  attempts: number;
  /** Why it failed (`failed`), or the last transient failure (`pending` after a try). */
  error?: unknown;
}

export interface OutboxTransport {
  /** Whether the STOMP connection is up now. */
  connected(): boolean;
  /** SEND with a receipt: resolves on RECEIPT (committed); rejects with a SendError. Absent: REST only. */
  stomp?: ((message: NewMessage) => Promise<void>) | undefined;
  /** POST /api/tickets/{id}/messages: the stored message (the first one when the id was used already). */
  rest: (message: NewMessage, signal: AbortSignal) => Promise<Message>;
}

/** Where unsent messages survive a reload of the page (sessionStorage: per tab). */
export interface OutboxStorage {
  load(): unknown;
  save(entries: readonly Outgoing[]): void;
}

export interface OutboxOptions {
  transport: OutboxTransport;
  storage?: OutboxStorage | undefined;
  /** The server's message for one of ours (a REST answer). */
  onMessage: (message: Message) => void;
  /** After a RECEIPT, how long to wait for the `message.created` event before asking over REST (idempotent). */
  confirmAfterMs?: number;
  /** A REST send that takes longer is given up (and tried again later). */
  restTimeoutMs?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  random?: () => number;
  now?: () => string;
  newId?: () => string;
}

export interface Draft {
  body: string;
  internal?: boolean;
  attachments?: Attachment[];
}

/**
 * Messages kept from before a reload: all go out again as pending (with their clientMessageId, so one
 * that did reach the server is not stored twice), failed ones stay failed.
 */
export function restore(saved: unknown): Outgoing[] {
  if (!Array.isArray(saved)) return [];
  const entries: Outgoing[] = [];
  for (const value of saved) {
    if (typeof value !== 'object' || value === null) continue;
    const entry = value as Partial<Outgoing>;
    if (typeof entry.clientMessageId !== 'string' || typeof entry.body !== 'string') continue;
    entries.push({
      clientMessageId: entry.clientMessageId,
      body: entry.body,
      internal: entry.internal === true,
      attachments: Array.isArray(entry.attachments) ? entry.attachments : [],
      createdAt: typeof entry.createdAt === 'string' ? entry.createdAt : new Date().toISOString(),
      state: entry.state === 'failed' ? 'failed' : 'pending',
      attempts: typeof entry.attempts === 'number' ? entry.attempts : 0,
    });
  }
  return entries;
}

/** sessionStorage under `lifeline.outbox.<user>.<ticket>`; none where storage is blocked. */
export function sessionOutboxStorage(userId: string, ticketId: string): OutboxStorage | undefined {
  let storage: Storage | undefined;
  try {
    storage = globalThis.sessionStorage;
  } catch {
    return undefined;
  }
  if (!storage) return undefined;
  const key = `lifeline.outbox.${userId}.${ticketId}`;
  return {
    load: () => {
      try {
        return JSON.parse(storage.getItem(key) ?? '[]') as unknown;
      } catch {
        return [];
      }
    },
    save: (entries) => {
      if (entries.length === 0) storage.removeItem(key);
      // errors are not kept: they are about that page's try
      else storage.setItem(key, JSON.stringify(entries.map(({ error: _error, ...entry }) => entry)));
    },
  };
}

/** A new clientMessageId: a UUID (only `[A-Za-z0-9-]`, as the server wants). */
export function newClientMessageId(): string {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  // old browsers: still unique enough for one person's messages on one ticket
  return `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Whether a failure is the server's final answer about this message (4xx), not a reason to try again. */
export function isRefusal(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429 && error.status !== 401;
}

export function toNewMessage(entry: Outgoing): NewMessage {
  const message: NewMessage = { body: entry.body, clientMessageId: entry.clientMessageId };
  if (entry.internal) message.internal = true;
  if (entry.attachments.length > 0) message.attachmentIds = entry.attachments.map((attachment) => attachment.id);
  return message;
}

/**
 * Messages the user sent that the server has not stored (or not confirmed) yet, and the rules that
 * get them there:
 *
 * - one at a time, in the order written (so they are stored in that order)
 * - over STOMP (`SEND` with a receipt; the RECEIPT means committed) while connected, else over REST
 * - a failure that is not the server's answer (network, disconnect, timeout, 5xx, 429) keeps it
 *   pending; it is tried again when the connection comes back, and meanwhile after a backoff
 * - a refusal over STOMP (ERROR naming the SEND) is asked again over REST, which says why: a 4xx
 *   marks it failed (retry or discard by the user)
 * - every try carries the same clientMessageId, so the server stores it once and answers a repeat
 *   with the first message
 * - it leaves the outbox when its message is known: from a `message.created` event or a REST answer
 *   ({@link delivered}); after a RECEIPT without the event, a REST send (idempotent) fetches it
 */
export class Outbox {
  private entries: Outgoing[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<OutboxOptions, 'transport' | 'onMessage' | 'storage'>> & Pick<OutboxOptions, 'transport' | 'onMessage' | 'storage'>;
  private busy = false;
  /** Counts sends; a send from before a stop() does not release the next one. */
  private run = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly confirmTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inflight = new Map<string, AbortController>();
  private failuresInARow = 0;
  private stopped = false;
  /** Committed over STOMP but no event came: these are asked for over REST. */
  private readonly restOnly = new Set<string>();

  constructor(options: OutboxOptions) {
    this.options = {
      confirmAfterMs: 5_000,
      restTimeoutMs: 20_000,
      retryBaseMs: 1_000,
      retryCapMs: 30_000,
      random: Math.random,
      now: () => new Date().toISOString(),
      newId: newClientMessageId,
      ...options,
    };
    this.entries = restore(options.storage?.load());
  }

  // ---- store (for useSyncExternalStore) ----------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): readonly Outgoing[] => this.entries;

  private set(entries: Outgoing[]): void {
    this.entries = entries;
    try {
      this.options.storage?.save(entries);
    } catch {
      // storage full or blocked: the messages still live in this page
    }
    for (const listener of [...this.listeners]) listener();
  }

  private update(clientMessageId: string, change: Partial<Outgoing>): Outgoing | undefined {
    let updated: Outgoing | undefined;
    this.set(
      this.entries.map((entry) => {
        if (entry.clientMessageId !== clientMessageId) return entry;
        updated = { ...entry, ...change };
        return updated;
      }),
    );
    return updated;
  }

  private find(clientMessageId: string): Outgoing | undefined {
    return this.entries.find((entry) => entry.clientMessageId === clientMessageId);
  }

  // ---- what the view does ------------------------------------------------------------------

  /** Queues a message (shown at once as pending) and sends it when it can. */
  add(draft: Draft): Outgoing {
    const entry: Outgoing = {
      clientMessageId: this.options.newId(),
      body: draft.body,
      internal: draft.internal === true,
      attachments: draft.attachments ?? [],
      createdAt: this.options.now(),
      state: 'pending',
      attempts: 0,
    };
    this.set([...this.entries, entry]);
    this.pump();
    return entry;
  }

  /** The user retries a failed message: same clientMessageId. */
  retry(clientMessageId: string): void {
    const entry = this.find(clientMessageId);
    if (!entry || entry.state !== 'failed') return;
    this.update(clientMessageId, { state: 'pending', error: undefined });
    this.failuresInARow = 0;
    this.pump();
  }

  /** The user gives up on a failed (or still pending) message. */
  discard(clientMessageId: string): void {
    const entry = this.find(clientMessageId);
    if (!entry || entry.state === 'sending' || entry.state === 'committed') return;
    this.forget(clientMessageId);
  }

  /** The server's message for one of ours arrived (event or REST answer): it leaves the outbox. */
  delivered(message: Pick<Message, 'clientMessageId'>): boolean {
    if (!message.clientMessageId || !this.find(message.clientMessageId)) return false;
    this.inflight.get(message.clientMessageId)?.abort();
    this.forget(message.clientMessageId);
    return true;
  }

  /** The connection is back (or the network): pending messages go now. */
  wake(): void {
    this.clearRetry();
    this.failuresInARow = 0;
    this.pump();
  }

  /** Starts (again, after stop()): pending messages, restored ones included, go out. */
  start(): void {
    this.stopped = false;
    this.pump();
  }

  /**
   * Stops sending (the view went): timers are cleared and a REST send on its way is given up; the
   * messages stay, pending, for a start() (React's StrictMode unmounts and mounts again).
   */
  stop(): void {
    this.stopped = true;
    this.clearRetry();
    for (const timer of this.confirmTimers.values()) clearTimeout(timer);
    this.confirmTimers.clear();
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
    if (this.entries.some((entry) => entry.state === 'sending' || entry.state === 'committed')) {
      this.set(this.entries.map((entry) => (entry.state === 'sending' || entry.state === 'committed' ? { ...entry, state: 'pending' } : entry)));
    }
    this.busy = false;
    this.run += 1;
  }

  // ---- sending -----------------------------------------------------------------------------

  private forget(clientMessageId: string): void {
    const timer = this.confirmTimers.get(clientMessageId);
    if (timer !== undefined) clearTimeout(timer);
    this.confirmTimers.delete(clientMessageId);
    this.restOnly.delete(clientMessageId);
    this.set(this.entries.filter((entry) => entry.clientMessageId !== clientMessageId));
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Sends the oldest pending message, if none is on its way and no retry is waiting. */
  private pump(): void {
    if (this.stopped || this.busy || this.retryTimer !== null) return;
    const next = this.entries.find((entry) => entry.state === 'pending');
    if (!next) return;
    this.busy = true;
    const run = ++this.run;
    const entry = this.update(next.clientMessageId, { state: 'sending', attempts: next.attempts + 1 }) as Outgoing;
    const { transport } = this.options;
    const useStomp = transport.stomp && transport.connected() && !this.restOnly.has(entry.clientMessageId);
    const attempt = useStomp && transport.stomp ? this.viaStomp(entry, transport.stomp) : this.viaRest(entry);
    void attempt.finally(() => {
      if (run !== this.run) return;
      this.busy = false;
      this.pump();
    });
  }

  private async viaStomp(entry: Outgoing, stomp: (message: NewMessage) => Promise<void>): Promise<void> {
    try {
      await stomp(toNewMessage(entry));
    } catch (error) {
      if (this.stopped || !this.find(entry.clientMessageId)) return;
      if (isSendError(error) && error.reason === 'refused') {
        // the server said no; REST tells why (or stores it, if the refusal was about the connection)
        await this.viaRest(entry);
        return;
      }
      this.transientFailure(entry, error);
      return;
    }
    this.failuresInARow = 0;
    if (this.stopped || !this.find(entry.clientMessageId)) return; // its event came first
    this.update(entry.clientMessageId, { state: 'committed', error: undefined });
    this.confirmTimers.set(
      entry.clientMessageId,
      setTimeout(() => {
        this.confirmTimers.delete(entry.clientMessageId);
        const current = this.find(entry.clientMessageId);
        if (!current || current.state !== 'committed' || this.stopped) return;
        // stored, but its event did not reach us: ask for it (the same id returns the first message)
        this.restOnly.add(entry.clientMessageId);
        this.update(entry.clientMessageId, { state: 'pending' });
        this.pump();
      }, this.options.confirmAfterMs),
    );
  }

  private async viaRest(entry: Outgoing): Promise<void> {
    const controller = new AbortController();
    this.inflight.set(entry.clientMessageId, controller);
    const timer = setTimeout(() => controller.abort(), this.options.restTimeoutMs);
    try {
      const message = await this.options.transport.rest(toNewMessage(entry), controller.signal);
      this.failuresInARow = 0;
      if (this.stopped) return;
      if (message && typeof message === 'object') this.options.onMessage(message);
      // whatever the server answered, this one is stored now
      if (this.find(entry.clientMessageId)) this.forget(entry.clientMessageId);
    } catch (error) {
      if (this.stopped || !this.find(entry.clientMessageId)) return;
      if (isRefusal(error)) {
        this.update(entry.clientMessageId, { state: 'failed', error });
        return;
      }
      this.transientFailure(entry, error);
    } finally {
      clearTimeout(timer);
      this.inflight.delete(entry.clientMessageId);
    }
  }

  /** Keeps it pending and tries again after a backoff (or sooner, on wake()). */
  private transientFailure(entry: Outgoing, error: unknown): void {
    this.update(entry.clientMessageId, { state: 'pending', error });
    const retryAfter = isApiError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
    const delay = Math.max(
      retryAfter,
      Math.floor(this.options.retryBaseMs / 4),
      backoffDelay(this.failuresInARow, { baseMs: this.options.retryBaseMs, capMs: this.options.retryCapMs, random: this.options.random }),
    );
    this.failuresInARow += 1;
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, delay);
  }
}
