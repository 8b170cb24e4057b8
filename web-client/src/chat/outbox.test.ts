import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '../api/problem';
import type { Message, NewMessage } from '../api/types';
import { SendError } from '../realtime/RealtimeClient';
import { mergeMessages } from './messages';
import { isRefusal, Outbox, toNewMessage, type Outgoing } from './outbox';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const stored = (body: NewMessage, id = `m-${body.clientMessageId}`, seq = 10): Message => ({
  id,
  ticketId: 't1',
  seq,
  author: { id: 'u-carol', displayName: 'Carol', role: 'CUSTOMER' },
  body: body.body,
  internal: body.internal === true,
  clientMessageId: body.clientMessageId,
  createdAt: '2026-11-22T09:00:00Z',
  attachments: [],
});

function setup(options: { connected?: boolean; stomp?: boolean } = {}) {
  let connected = options.connected ?? false;
  const restCalls: { message: NewMessage; answer: Deferred<Message> }[] = [];
  const stompCalls: { message: NewMessage; answer: Deferred<void> }[] = [];
  const received: Message[] = [];
  let ids = 0;
  const outbox = new Outbox({
    transport: {
      connected: () => connected,
      stomp:
        options.stomp === false
          ? undefined
          : (message) => {
              const answer = deferred<void>();
              stompCalls.push({ message, answer });
              return answer.promise;
            },
      rest: (message) => {
        const answer = deferred<Message>();
        restCalls.push({ message, answer });
        return answer.promise;
      },
    },
    onMessage: (message) => received.push(message),
    newId: () => `cid-${++ids}`,
    now: () => '2026-11-22T09:00:00Z',
    random: () => 0.5,
    confirmAfterMs: 5_000,
  });
  const entries = () => outbox.getSnapshot();
  const state = (index = 0) => (entries()[index] as Outgoing | undefined)?.state;
  return {
    outbox,
    restCalls,
    stompCalls,
    received,
    entries,
    state,
    setConnected: (value: boolean) => {
      connected = value;
    },
  };
}

/** Lets promise callbacks run (with fake timers on). */
const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('Outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a message as pending at once and sends it over REST when not connected', async () => {
    const { outbox, restCalls, stompCalls, received, entries, state } = setup({ connected: false });
    const entry = outbox.add({ body: 'Hello' });
    expect(entry.clientMessageId).toBe('cid-1');
    expect(state()).toBe('sending');
    expect(stompCalls).toHaveLength(0);
    expect(restCalls[0]?.message).toEqual({ body: 'Hello', clientMessageId: 'cid-1' });

    restCalls[0]?.answer.resolve(stored(restCalls[0].message));
    await flush();
    expect(received.map((message) => message.clientMessageId)).toEqual(['cid-1']);
    expect(entries()).toHaveLength(0);
  });

  it('sends over STOMP with a receipt when connected; the RECEIPT means committed, the event delivers it', async () => {
    const { outbox, stompCalls, restCalls, state, entries } = setup({ connected: true });
    outbox.add({ body: 'Note', internal: true, attachments: [{ id: 'a1', filename: 'x.png', contentType: 'image/png', size: 3 }] });
    expect(stompCalls[0]?.message).toEqual({ body: 'Note', clientMessageId: 'cid-1', internal: true, attachmentIds: ['a1'] });
    expect(state()).toBe('sending');

    stompCalls[0]?.answer.resolve();
    await flush();
    expect(state()).toBe('committed');

    expect(outbox.delivered(stored(stompCalls[0]!.message))).toBe(true);
    expect(entries()).toHaveLength(0);
    expect(restCalls).toHaveLength(0);
    // nothing happens later: the confirmation timer went with it
    await vi.advanceTimersByTimeAsync(10_000);
    expect(restCalls).toHaveLength(0);
  });

  it('when the event comes before the RECEIPT, the RECEIPT changes nothing', async () => {
    const { outbox, stompCalls, entries } = setup({ connected: true });
    outbox.add({ body: 'Quick' });
    outbox.delivered({ clientMessageId: 'cid-1' });
    expect(entries()).toHaveLength(0);
    stompCalls[0]?.answer.resolve();
    await flush();
    expect(entries()).toHaveLength(0);
  });

  it('after a RECEIPT without its event, asks over REST with the same clientMessageId', async () => {
    const { outbox, stompCalls, restCalls, received, entries } = setup({ connected: true });
    outbox.add({ body: 'Lost event' });
    stompCalls[0]?.answer.resolve();
    await flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(stompCalls).toHaveLength(1);
    expect(restCalls).toHaveLength(1);
    expect(restCalls[0]?.message.clientMessageId).toBe('cid-1');
    // the server answers 200 with the first message
    restCalls[0]?.answer.resolve(stored(restCalls[0].message, 'm-first', 7));
    await flush();
    expect(received[0]?.id).toBe('m-first');
    expect(entries()).toHaveLength(0);
  });

  it('keeps it pending when the connection drops before the RECEIPT, and resends the same id after reconnect', async () => {
    const { outbox, stompCalls, restCalls, state, setConnected } = setup({ connected: true });
    outbox.add({ body: 'Flaky' });
    setConnected(false);
    stompCalls[0]?.answer.reject(new SendError('disconnected'));
    await flush();
    expect(state()).toBe('pending');
    expect(outbox.getSnapshot()[0]?.error).toBeInstanceOf(SendError);

    setConnected(true);
    outbox.wake();
    expect(stompCalls).toHaveLength(2);
    expect(stompCalls[1]?.message.clientMessageId).toBe('cid-1');
    expect(restCalls).toHaveLength(0);
  });

  it('retries a REST network failure after a backoff, with the same clientMessageId', async () => {
    const { outbox, restCalls, state, received, entries } = setup({ connected: false, stomp: false });
    outbox.add({ body: 'Offline' });
    restCalls[0]?.answer.reject(networkError(new TypeError('Failed to fetch')));
    await flush();
    expect(state()).toBe('pending');
    expect(restCalls).toHaveLength(1);

    // backoff: random 0.5 of a 1 s ceiling
    await vi.advanceTimersByTimeAsync(499);
    expect(restCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(restCalls).toHaveLength(2);
    expect(restCalls[1]?.message.clientMessageId).toBe('cid-1');

    // the first try had reached the server after all: it answers the retry with the first message
    restCalls[1]?.answer.resolve(stored(restCalls[1].message, 'm-1', 3));
    await flush();
    expect(received.map((message) => message.id)).toEqual(['m-1']);
    expect(entries()).toHaveLength(0);
  });

  it('retries 5xx and 429 (after Retry-After), not 4xx', () => {
    expect(isRefusal(new ApiError({ status: 400, title: 'Bad Request' }))).toBe(true);
    expect(isRefusal(new ApiError({ status: 403, title: 'Forbidden' }))).toBe(true);
    expect(isRefusal(new ApiError({ status: 404, title: 'Not Found' }))).toBe(true);
    expect(isRefusal(new ApiError({ status: 409, title: 'Conflict' }))).toBe(true);
    expect(isRefusal(new ApiError({ status: 413, title: 'Too large' }))).toBe(true);
    expect(isRefusal(new ApiError({ status: 408, title: 'Timeout' }))).toBe(false);
    expect(isRefusal(new ApiError({ status: 429, title: 'Too Many' }))).toBe(false);
    expect(isRefusal(new ApiError({ status: 500, title: 'Server' }))).toBe(false);
    expect(isRefusal(new ApiError({ status: 503, title: 'Unavailable' }))).toBe(false);
    expect(isRefusal(networkError('down'))).toBe(false);
    expect(isRefusal(new DOMException('aborted', 'AbortError'))).toBe(false);
  });

  it('waits at least Retry-After on a 429', async () => {
    const { outbox, restCalls, state } = setup({ connected: false });
    outbox.add({ body: 'Slow down' });
    restCalls[0]?.answer.reject(new ApiError({ status: 429, title: 'Too Many Requests', retryAfter: 3 }));
    await flush();
    expect(state()).toBe('pending');
    await vi.advanceTimersByTimeAsync(2_999);
    expect(restCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(restCalls).toHaveLength(2);
  });

  it('marks a 4xx as failed; retry sends the same clientMessageId again, discard drops it', async () => {
    const { outbox, restCalls, state, entries } = setup({ connected: false });
    outbox.add({ body: 'x'.repeat(20) });
    restCalls[0]?.answer.reject(new ApiError({ status: 400, title: 'Bad Request', detail: 'body too long' }));
    await flush();
    expect(state()).toBe('failed');
    expect((entries()[0]?.error as ApiError).status).toBe(400);
    // failed ones are not retried on their own
    outbox.wake();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(restCalls).toHaveLength(1);

    outbox.retry('cid-1');
    expect(restCalls).toHaveLength(2);
    expect(restCalls[1]?.message.clientMessageId).toBe('cid-1');
    restCalls[1]?.answer.reject(new ApiError({ status: 400, title: 'Bad Request' }));
    await flush();
    expect(state()).toBe('failed');

    outbox.discard('cid-1');
    expect(entries()).toHaveLength(0);
  });

  it('asks over REST when STOMP refuses the SEND, to learn why', async () => {
    const { outbox, stompCalls, restCalls, state } = setup({ connected: true });
    outbox.add({ body: 'Secret', internal: true });
    stompCalls[0]?.answer.reject(new SendError('refused', 'Customers may not write internal notes'));
    await flush();
    expect(restCalls[0]?.message).toEqual({ body: 'Secret', clientMessageId: 'cid-1', internal: true });
    restCalls[0]?.answer.reject(new ApiError({ status: 403, title: 'Forbidden' }));
    await flush();
    expect(state()).toBe('failed');
  });

  it('sends one at a time, in the order written', async () => {
    const { outbox, restCalls, entries } = setup({ connected: false });
    outbox.add({ body: 'first' });
    outbox.add({ body: 'second' });
    expect(restCalls.map((call) => call.message.body)).toEqual(['first']);
    expect(entries().map((entry) => entry.state)).toEqual(['sending', 'pending']);
    restCalls[0]?.answer.resolve(stored(restCalls[0].message));
    await flush();
    expect(restCalls.map((call) => call.message.body)).toEqual(['first', 'second']);
  });

  it('a failed message does not hold up the next one', async () => {
    const { outbox, restCalls } = setup({ connected: false });
    outbox.add({ body: 'bad' });
    outbox.add({ body: 'good' });
    restCalls[0]?.answer.reject(new ApiError({ status: 400, title: 'Bad Request' }));
    await flush();
    expect(restCalls.map((call) => call.message.body)).toEqual(['bad', 'good']);
  });

  it('keeps messages pending over stop() and sends them again on start()', async () => {
    const { outbox, restCalls, state } = setup({ connected: false });
    outbox.add({ body: 'while leaving' });
    outbox.stop();
    expect(state()).toBe('pending');
    await flush();
    outbox.start();
    expect(restCalls).toHaveLength(2);
    expect(restCalls[1]?.message.clientMessageId).toBe('cid-1');
  });

  it('builds the body of POST and SEND', () => {
    const entry: Outgoing = {
      clientMessageId: 'c',
      body: 'b',
      internal: false,
      attachments: [],
      createdAt: '',
      state: 'pending',
      attempts: 0,
    };
    expect(toNewMessage(entry)).toEqual({ body: 'b', clientMessageId: 'c' });
  });
});

describe('dedupe of what the server returns', () => {
  it('a retry answered with the first message adds nothing to what the event already brought', () => {
    const first = stored({ body: 'hi', clientMessageId: 'cid-1' }, 'm-1', 5);
    const fromEvent = mergeMessages([], [first]);
    const afterRetry = mergeMessages(fromEvent, [{ ...first }]);
    expect(afterRetry).toBe(fromEvent);
    expect(afterRetry).toHaveLength(1);
  });
});

describe('Outbox storage', () => {
  it('keeps unsent messages for a reload and sends them again with the same clientMessageId', async () => {
    let saved: unknown = [];
    const storage = { load: () => saved, save: (entries: readonly Outgoing[]) => (saved = JSON.parse(JSON.stringify(entries))) };
    const rest: NewMessage[] = [];
    const first = new Outbox({
      transport: { connected: () => false, rest: (message) => (rest.push(message), new Promise<Message>(() => undefined)) },
      onMessage: () => undefined,
      storage,
      newId: () => 'cid-kept',
    });
    first.add({ body: 'before the reload' });
    first.stop();
    expect(saved).toMatchObject([{ clientMessageId: 'cid-kept', body: 'before the reload', state: 'pending' }]);

    // the page comes back
    const again = new Outbox({
      transport: { connected: () => false, rest: (message) => (rest.push(message), new Promise<Message>(() => undefined)) },
      onMessage: () => undefined,
      storage,
    });
    expect(again.getSnapshot().map((entry) => entry.state)).toEqual(['pending']);
    again.start();
    expect(rest.map((message) => message.clientMessageId)).toEqual(['cid-kept', 'cid-kept']);
    again.delivered({ clientMessageId: 'cid-kept' });
    expect(saved).toEqual([]);
    again.stop();
  });

  it('restores only what looks like a message, failed ones as failed', () => {
    const entries = new Outbox({
      transport: { connected: () => false, rest: () => new Promise<Message>(() => undefined) },
      onMessage: () => undefined,
      storage: { load: () => [{ clientMessageId: 'a', body: 'x', state: 'failed' }, { body: 'no id' }, 'junk'], save: () => undefined },
    }).getSnapshot();
    expect(entries.map((entry) => [entry.clientMessageId, entry.state])).toEqual([['a', 'failed']]);
  });
});
