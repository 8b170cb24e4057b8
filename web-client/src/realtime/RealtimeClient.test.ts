import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ticket } from '../testing/fixtures';
import type { RealtimeEvent } from './events';
import { isAuthError, parseEvent, RealtimeClient, SendError, webSocketUrl, type ConnectionState, type RealtimeClientOptions } from './RealtimeClient';

// ---- a stand-in for @stomp/stompjs' Client, at the module boundary ------------------------------

const fake = vi.hoisted(() => {
  interface Sent {
    destination: string;
    headers: Record<string, string>;
    callback: (message: { body: string; headers: Record<string, string> }) => void;
    unsubscribed: boolean;
  }

  class FakeStompClient {
    static instances: FakeStompClient[] = [];
    readonly config: Record<string, unknown>;
    connected = false;
    activated = 0;
    deactivated = 0;
    forced = 0;
    sent: Sent[] = [];
    published: { destination: string; body: string; headers: Record<string, string> }[] = [];
    receiptWatchers = new Map<string, () => void>();
    onConnect: (frame: unknown) => void = () => undefined;
    onStompError: (frame: { headers: Record<string, string>; body: string }) => void = () => undefined;
    onWebSocketClose: (event: unknown) => void = () => undefined;

    constructor(config: Record<string, unknown>) {
      this.config = config;
      FakeStompClient.instances.push(this);
    }

    activate() {
      this.activated += 1;
    }

    deactivate() {
      this.deactivated += 1;
      this.connected = false;
      return Promise.resolve();
    }

    forceDisconnect() {
      this.forced += 1;
      this.serverCloses();
    }

    subscribe(destination: string, callback: Sent['callback'], headers: Record<string, string> = {}) {
      if (!this.connected) throw new TypeError('There is no underlying STOMP connection');
      const sent: Sent = { destination, headers: { ...headers }, callback, unsubscribed: false };
      this.sent.push(sent);
      return {
        id: headers.id ?? `sub-${this.sent.length}`,
        unsubscribe: () => {
          sent.unsubscribed = true;
        },
      };
    }

    publish(params: { destination: string; body: string; headers?: Record<string, string> }) {
      if (!this.connected) throw new TypeError('There is no underlying STOMP connection');
      this.published.push({ destination: params.destination, body: params.body, headers: { ...(params.headers ?? {}) } });
    }

    watchForReceipt(receiptId: string, callback: () => void) {
      this.receiptWatchers.set(receiptId, callback);
    }

    // what the server does
    serverReceipts(receiptId: string) {
      const watcher = this.receiptWatchers.get(receiptId);
      this.receiptWatchers.delete(receiptId);
      watcher?.();
    }

    serverConnects() {
      this.connected = true;
      this.onConnect({ command: 'CONNECTED', headers: { version: '1.2', 'heart-beat': '10000,10000' }, body: '' });
    }

    serverSends(destination: string, event: unknown) {
      const body = typeof event === 'string' ? event : JSON.stringify(event);
      for (const sent of this.sent) {
        if (sent.destination === destination && !sent.unsubscribed) sent.callback({ body, headers: { 'content-type': 'application/json' } });
      }
    }

    serverErrors(message: string, headers: Record<string, string> = {}) {
      this.onStompError({ headers: { message, ...headers }, body: '' });
    }

    serverCloses() {
      this.connected = false;
      this.onWebSocketClose({ code: 1006 });
    }

    subscribed(destination: string) {
      return this.sent.filter((sent) => sent.destination === destination);
    }
  }

  return { FakeStompClient };
});

vi.mock('@stomp/stompjs', () => ({ Client: fake.FakeStompClient }));

const { FakeStompClient } = fake;
const instances = () => FakeStompClient.instances;
const last = () => {
  const client = FakeStompClient.instances.at(-1);
  if (!client) throw new Error('no stomp client was created');
  return client;
};

function event(seq: number | null, type = 'ticket.updated', stream = 'tickets'): RealtimeEvent {
  const changed = ticket({ id: 't-live', version: seq ?? 1 });
  return { seq, stream, type, at: '2026-11-22T09:00:00Z', ticketId: changed.id, data: { ticket: changed, changed: ['status'] } } as RealtimeEvent;
}

const started: RealtimeClient[] = [];

function setup(options: RealtimeClientOptions = {}) {
  const onAuthFailure = vi.fn();
  const client = new RealtimeClient({
    url: 'ws://lifeline.test/ws',
    getToken: () => 'tok-1',
    onAuthFailure,
    random: () => 0.5,
    ...options,
  });
  const states: ConnectionState[] = [];
  client.onStateChange((state) => states.push(state));
  started.push(client);
  return { client, onAuthFailure, states };
}

beforeEach(() => {
  FakeStompClient.instances = [];
  vi.useFakeTimers();
});

afterEach(() => {
  // no client of one test may react to the window events of another
  for (const client of started.splice(0)) client.stop();
  vi.useRealTimers();
});

describe('RealtimeClient connection', () => {
  it('connects to /ws with the bearer token, spec heart-beats and stompjs reconnect off', () => {
    const { client, states } = setup();
    expect(client.getState()).toBe('offline');
    client.start();
    expect(instances()).toHaveLength(1);
    expect(last().config).toMatchObject({
      brokerURL: 'ws://lifeline.test/ws',
      connectHeaders: { Authorization: 'Bearer tok-1' },
      heartbeatIncoming: 10_000,
      heartbeatOutgoing: 10_000,
      reconnectDelay: 0,
    });
    expect(last().activated).toBe(1);
    expect(client.getState()).toBe('connecting');
    last().serverConnects();
    expect(client.getState()).toBe('connected');
    client.stop();
    expect(client.getState()).toBe('offline');
    expect(last().deactivated).toBe(1);
    expect(states).toEqual(['connecting', 'connected', 'offline']);
  });

  it('derives the WebSocket URL from the page location', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'support.example.com' })).toBe('wss://support.example.com/ws');
    const client = new RealtimeClient({ getToken: () => 't' });
    started.push(client);
    client.start();
    expect(last().config.brokerURL).toBe(`ws://${window.location.host}/ws`);
  });

  it('takes a fresh token from the session for every connection', () => {
    let token = 'first';
    const { client } = setup({ getToken: () => token });
    client.start();
    last().serverConnects();
    token = 'second';
    last().serverCloses();
    vi.advanceTimersByTime(1_000);
    expect(last().config.connectHeaders).toEqual({ Authorization: 'Bearer second' });
  });

  it('reconnects after a backoff with full jitter, growing to the 30 s cap', () => {
    const { client, states } = setup({ random: () => 0.999 });
    client.start();
    last().serverConnects();
    // the server goes away and every attempt fails: waits of up to 1, 2, 4, 8, 16, 30, 30 s
    const expected = [999, 1_998, 3_996, 7_992, 15_984, 29_970, 29_970];
    for (const wait of expected) {
      const before = instances().length;
      last().serverCloses();
      vi.advanceTimersByTime(wait - 1);
      expect(instances()).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(instances()).toHaveLength(before + 1);
    }
    expect(states).toEqual(['connecting', 'connected', 'reconnecting']);
    last().serverConnects();
    expect(client.getState()).toBe('connected');
  });

  it('starts the backoff over after a connection that lasted', () => {
    const { client } = setup({ random: () => 0.999, stableAfterMs: 10_000 });
    client.start();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      last().serverCloses();
      vi.advanceTimersByTime(30_000);
    }
    last().serverConnects();
    vi.advanceTimersByTime(10_000);
    const before = instances().length;
    last().serverCloses();
    vi.advanceTimersByTime(999);
    expect(instances()).toHaveLength(before + 1);
  });

  it('keeps backing off when connections die right after CONNECTED (e.g. a refused subscription)', () => {
    const { client } = setup({ random: () => 0.999, stableAfterMs: 10_000 });
    client.start();
    last().serverConnects();
    last().serverCloses();
    vi.advanceTimersByTime(999);
    last().serverConnects();
    const before = instances().length;
    last().serverCloses();
    vi.advanceTimersByTime(999);
    expect(instances()).toHaveLength(before);
    vi.advanceTimersByTime(999);
    expect(instances()).toHaveLength(before + 1);
  });

  it('stops for good when stopped: no reconnect, late callbacks of the old connection ignored', () => {
    const { client } = setup();
    client.start();
    const old = last();
    old.serverConnects();
    client.stop();
    old.serverCloses();
    vi.advanceTimersByTime(60_000);
    expect(instances()).toHaveLength(1);
    expect(client.getState()).toBe('offline');
  });

  it('goes offline with the browser and comes back when it is online again', () => {
    const onLine = vi.spyOn(window.navigator, 'onLine', 'get');
    const { client } = setup();
    client.start();
    last().serverConnects();
    onLine.mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(last().forced).toBe(1);
    expect(client.getState()).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(instances()).toHaveLength(1);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(client.getState()).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    expect(instances()).toHaveLength(2);
    last().serverConnects();
    expect(client.getState()).toBe('connected');
    client.stop();
  });
});

describe('RealtimeClient errors', () => {
  it.each(['token expired', 'Invalid token', 'JWT expired at 2026-11-22T10:00:00Z', 'Unauthorized', 'authentication failed'])(
    'an ERROR saying "%s" ends the session instead of retrying',
    (message) => {
      const { client, onAuthFailure } = setup();
      client.start();
      last().serverConnects();
      last().serverErrors(message);
      last().serverCloses();
      vi.advanceTimersByTime(120_000);
      expect(onAuthFailure).toHaveBeenCalledTimes(1);
      expect(instances()).toHaveLength(1);
      expect(last().deactivated).toBeGreaterThan(0);
      expect(client.getState()).toBe('offline');
    },
  );

  it('goes to login when there is no session left to connect with', () => {
    const { client, onAuthFailure } = setup({ getToken: () => null });
    client.start();
    expect(instances()).toHaveLength(0);
    expect(onAuthFailure).toHaveBeenCalledTimes(1);
    expect(client.getState()).toBe('offline');
  });

  it('retries after other errors such as a slow consumer', () => {
    const { client, onAuthFailure } = setup();
    client.start();
    last().serverConnects();
    last().serverErrors('slow consumer');
    last().serverCloses();
    expect(client.getState()).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(instances()).toHaveLength(2);
    expect(onAuthFailure).not.toHaveBeenCalled();
  });

  it('drops a subscription the server refused (named by receipt-id or destination) and keeps the others', () => {
    const { client } = setup();
    const refused = vi.fn();
    const other = vi.fn();
    client.subscribe('/topic/wallboard', () => undefined, { onError: refused });
    client.subscribe('/topic/tickets.7', () => undefined, { onError: other });
    client.subscribe('/topic/tickets', () => undefined);
    client.start();
    last().serverConnects();
    const receipt = last().subscribed('/topic/wallboard')[0]?.headers.receipt;
    expect(receipt).toBeTruthy();
    last().serverErrors('not allowed', { 'receipt-id': receipt as string });
    last().serverCloses();
    vi.advanceTimersByTime(500);
    last().serverConnects();
    expect(refused).toHaveBeenCalledWith('not allowed');
    expect(last().subscribed('/topic/wallboard')).toHaveLength(0);
    expect(last().subscribed('/topic/tickets.7')).toHaveLength(1);

    last().serverErrors('Access denied to /topic/tickets.7');
    last().serverCloses();
    vi.advanceTimersByTime(2_000);
    last().serverConnects();
    expect(other).toHaveBeenCalledWith('Access denied to /topic/tickets.7');
    expect(last().subscribed('/topic/tickets.7')).toHaveLength(0);
    expect(last().subscribed('/topic/tickets')).toHaveLength(1);
  });

  it('classifies error messages', () => {
    expect(isAuthError('token expired')).toBe(true);
    expect(isAuthError('bad token')).toBe(true);
    expect(isAuthError('not allowed')).toBe(false);
    expect(isAuthError('slow consumer')).toBe(false);
    expect(isAuthError('frame too large')).toBe(false);
    expect(isAuthError(undefined)).toBe(false);
  });
});

describe('RealtimeClient subscriptions and resume', () => {
  it('subscribes once connected, delivers typed events and remembers the last seq per destination', () => {
    const { client } = setup();
    const all: RealtimeEvent[] = [];
    const one: RealtimeEvent[] = [];
    const allSub = client.subscribe('/topic/tickets', (e) => all.push(e));
    const oneSub = client.subscribe('/topic/tickets.t-live', (e) => one.push(e));
    client.start();
    expect(last().sent).toHaveLength(0);
    last().serverConnects();
    expect(last().subscribed('/topic/tickets')[0]?.headers).not.toHaveProperty('resume-after');

    last().serverSends('/topic/tickets', event(41));
    last().serverSends('/topic/tickets', event(42));
    last().serverSends('/topic/tickets.t-live', event(7, 'message.created', 'tickets.t-live'));
    expect(all.map((e) => e.seq)).toEqual([41, 42]);
    expect(all[0]?.type).toBe('ticket.updated');
    expect(one.map((e) => e.type)).toEqual(['message.created']);
    expect(allSub.lastSeq()).toBe(42);
    expect(oneSub.lastSeq()).toBe(7);
  });

  it('re-subscribes every destination with resume-after its own last seq after a reconnect', () => {
    const { client } = setup();
    client.subscribe('/topic/tickets', () => undefined);
    client.subscribe('/topic/tickets.t-live', () => undefined);
    client.start();
    last().serverConnects();
    last().serverSends('/topic/tickets', event(100));
    last().serverSends('/topic/tickets.t-live', event(9, 'ticket.updated', 'tickets.t-live'));
    last().serverCloses();
    vi.advanceTimersByTime(500);
    last().serverConnects();
    expect(last().subscribed('/topic/tickets')[0]?.headers['resume-after']).toBe('100');
    expect(last().subscribed('/topic/tickets.t-live')[0]?.headers['resume-after']).toBe('9');
  });

  it('starts from resumeAfter (e.g. the REST timeline) on the first SUBSCRIBE', () => {
    const { client } = setup();
    client.start();
    last().serverConnects();
    const seen: RealtimeEvent[] = [];
    client.subscribe('/topic/tickets.t-9', (e) => seen.push(e), { resumeAfter: 12 });
    expect(last().subscribed('/topic/tickets.t-9')[0]?.headers['resume-after']).toBe('12');
    // the replay may overlap what REST returned: the overlap is dropped
    last().serverSends('/topic/tickets.t-9', event(12, 'ticket.updated', 'tickets.t-9'));
    last().serverSends('/topic/tickets.t-9', event(13, 'ticket.updated', 'tickets.t-9'));
    expect(seen.map((e) => e.seq)).toEqual([13]);
  });

  it('drops duplicates and out-of-order repeats, but never ephemeral events without a seq', () => {
    const { client } = setup();
    const seen: (number | null)[] = [];
    client.subscribe('/topic/tickets', (e) => seen.push(e.seq));
    client.start();
    last().serverConnects();
    for (const seq of [5, 6, 6, 4, 7]) last().serverSends('/topic/tickets', event(seq));
    last().serverSends('/topic/tickets', event(null, 'typing'));
    last().serverSends('/topic/tickets', event(null, 'typing'));
    expect(seen).toEqual([5, 6, 7, null, null]);
    expect(client.duplicatesDropped).toBe(2);
  });

  it('on resync.required calls the reload callback and goes on from the head seq it carries', () => {
    const { client } = setup();
    const seen: (number | null)[] = [];
    const onResync = vi.fn();
    const subscription = client.subscribe('/topic/tickets', (e) => seen.push(e.seq), { resumeAfter: 3, onResync });
    client.start();
    last().serverConnects();
    last().serverSends('/topic/tickets', { seq: 500, stream: 'tickets', type: 'resync.required', at: '2026-11-22T09:00:00Z', data: {} });
    expect(onResync).toHaveBeenCalledWith(500);
    expect(seen).toEqual([]);
    expect(subscription.lastSeq()).toBe(500);
    last().serverSends('/topic/tickets', event(499));
    last().serverSends('/topic/tickets', event(501));
    expect(seen).toEqual([501]);
    last().serverCloses();
    vi.advanceTimersByTime(500);
    last().serverConnects();
    expect(last().subscribed('/topic/tickets')[0]?.headers['resume-after']).toBe('501');
  });

  it('asks for a reload after a reconnect when there was no seq to resume from', () => {
    const { client } = setup();
    const onResync = vi.fn();
    client.subscribe('/topic/tickets', () => undefined, { onResync });
    client.start();
    last().serverConnects();
    expect(onResync).not.toHaveBeenCalled();
    last().serverCloses();
    vi.advanceTimersByTime(500);
    last().serverConnects();
    expect(last().subscribed('/topic/tickets')[0]?.headers).not.toHaveProperty('resume-after');
    expect(onResync).toHaveBeenCalledWith(null);
  });

  it('unsubscribes on the server and stops delivering; a later reconnect does not bring it back', () => {
    const { client } = setup();
    const seen: RealtimeEvent[] = [];
    const subscription = client.subscribe('/topic/tickets.t-1', (e) => seen.push(e));
    client.start();
    last().serverConnects();
    const sent = last().subscribed('/topic/tickets.t-1')[0];
    subscription.unsubscribe();
    expect(sent?.unsubscribed).toBe(true);
    sent?.callback({ body: JSON.stringify(event(1)), headers: {} });
    expect(seen).toEqual([]);
    last().serverCloses();
    vi.advanceTimersByTime(500);
    last().serverConnects();
    expect(last().sent).toHaveLength(0);
  });

  it('ignores bodies that are not events, and survives a handler that throws', () => {
    const { client } = setup();
    const seen: (number | null)[] = [];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    client.subscribe('/topic/tickets', (e) => {
      if (e.seq === 2) throw new Error('view bug');
      seen.push(e.seq);
    });
    client.start();
    last().serverConnects();
    last().serverSends('/topic/tickets', 'not json');
    last().serverSends('/topic/tickets', { hello: 'world' });
    last().serverSends('/topic/tickets', event(1));
    last().serverSends('/topic/tickets', event(2));
    last().serverSends('/topic/tickets', event(3));
    expect(seen).toEqual([1, 3]);
    expect(quiet).toHaveBeenCalled();
  });

  it('parses events and normalises a missing seq to null', () => {
    expect(parseEvent('{"type":"typing","stream":"tickets.1","at":"x","data":{"typing":true}}')?.seq).toBeNull();
    expect(parseEvent('{"seq":3,"type":"ticket.created"}')?.seq).toBe(3);
    expect(parseEvent('[1,2]')).toBeNull();
    expect(parseEvent('{"seq":3}')).toBeNull();
  });
});

describe('RealtimeClient SEND', () => {
  const connected = () => {
    const result = setup();
    result.client.start();
    last().serverConnects();
    return result;
  };

  it('refuses at once when not connected', async () => {
    const { client } = setup();
    await expect(client.publish('/app/tickets.7/typing', { typing: true })).rejects.toMatchObject({ reason: 'not-connected' });
    client.start();
    await expect(client.publish('/app/tickets.7/typing', { typing: true })).rejects.toMatchObject({ reason: 'not-connected' });
  });

  it('sends JSON without a receipt as fire and forget', async () => {
    const { client } = connected();
    await expect(client.publish('/app/tickets.7/typing', { typing: true })).resolves.toBeUndefined();
    expect(last().published).toEqual([{ destination: '/app/tickets.7/typing', body: '{"typing":true}', headers: { 'content-type': 'application/json' } }]);
  });

  it('with a receipt, resolves only on the RECEIPT', async () => {
    const { client } = connected();
    let done = false;
    const sending = client.publish('/app/tickets.7/messages', { body: 'hi', clientMessageId: 'c1' }, { receipt: true }).then(() => {
      done = true;
    });
    const frame = last().published[0];
    expect(frame?.headers.receipt).toMatch(/^send-/);
    await Promise.resolve();
    expect(done).toBe(false);
    last().serverReceipts(frame?.headers.receipt as string);
    await sending;
    expect(done).toBe(true);
  });

  it('rejects as refused on an ERROR naming its receipt, without ending the session', async () => {
    const { client, onAuthFailure } = connected();
    const sending = client.publish('/app/tickets.7/messages', { body: 'x' }, { receipt: true });
    const receipt = last().published[0]?.headers.receipt as string;
    last().serverErrors('Invalid token in attachmentIds', { 'receipt-id': receipt });
    await expect(sending).rejects.toMatchObject({ reason: 'refused' });
    expect(onAuthFailure).not.toHaveBeenCalled();
    last().serverCloses();
    vi.advanceTimersByTime(1_000);
    expect(instances()).toHaveLength(2);
  });

  it('rejects as disconnected when the connection goes before the RECEIPT', async () => {
    const { client } = connected();
    const sending = client.publish('/app/tickets.7/messages', { body: 'x' }, { receipt: true });
    last().serverCloses();
    await expect(sending).rejects.toMatchObject({ reason: 'disconnected' });
  });

  it('rejects as timeout when no RECEIPT comes', async () => {
    const { client } = connected();
    const sending = client.publish('/app/tickets.7/messages', { body: 'x' }, { receipt: true, timeoutMs: 5_000 });
    vi.advanceTimersByTime(5_000);
    await expect(sending).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('rejects what is waiting when stopped', async () => {
    const { client } = connected();
    const sending = client.publish('/app/tickets.7/read', { seq: 3 }, { receipt: true });
    client.stop();
    await expect(sending).rejects.toBeInstanceOf(SendError);
  });
});
