import type { Message, Ticket } from '../api/types';
import type { AppDestination, Destination, RealtimeEvent, TicketStreamEvent } from '../realtime/events';
import {
  SendError,
  type ConnectionState,
  type PublishOptions,
  type Realtime,
  type RealtimeSubscription,
  type SubscribeOptions,
} from '../realtime/RealtimeClient';

export interface FakePublish {
  destination: AppDestination;
  body: unknown;
  options: PublishOptions;
  /** Settles the promise of a SEND with a receipt (a fire-and-forget one is resolved already). */
  receipt: () => void;
  fail: (error?: SendError) => void;
}

export interface FakeSubscription {
  destination: Destination;
  handler: (event: RealtimeEvent) => void;
  options: SubscribeOptions;
  active: boolean;
}

/** A Realtime for component tests: records subscriptions and lets the test push events and states. */
export class FakeRealtime implements Realtime {
  readonly subscriptions: FakeSubscription[] = [];
  private state: ConnectionState = 'connecting';
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  started = 0;
  stopped = 0;
  /** Every SEND, in order. */
  readonly published: FakePublish[] = [];
  /**
   * How a SEND with a receipt is answered: 'manual' leaves it to the test (`published[i].receipt()`),
   * 'receipt' confirms it at once. Without a connection every SEND is refused with `not-connected`.
   */
  receipts: 'manual' | 'receipt' = 'receipt';

  start(): void {
    this.started += 1;
  }

  stop(): void {
    this.stopped += 1;
  }

  getState = (): ConnectionState => this.state;

  onStateChange = (listener: (state: ConnectionState) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  subscribe<D extends Destination>(destination: D, handler: (event: never) => void, options: SubscribeOptions = {}): RealtimeSubscription {
    const subscription: FakeSubscription = { destination, handler: handler as (event: RealtimeEvent) => void, options, active: true };
    this.subscriptions.push(subscription);
    return {
      destination,
      lastSeq: () => undefined,
      unsubscribe: () => {
        subscription.active = false;
      },
    };
  }

  publish(destination: AppDestination, body: unknown, options: PublishOptions = {}): Promise<void> {
    if (this.state !== 'connected') return Promise.reject(new SendError('not-connected'));
    let receipt: () => void = () => undefined;
    let fail: (error?: SendError) => void = () => undefined;
    const promise = new Promise<void>((resolve, reject) => {
      receipt = resolve;
      fail = (error = new SendError('disconnected')) => reject(error);
    });
    this.published.push({ destination, body, options, receipt, fail });
    if (!options.receipt || this.receipts === 'receipt') receipt();
    return promise;
  }

  /** The bodies sent to a destination. */
  sentTo(destination: AppDestination): unknown[] {
    return this.published.filter((entry) => entry.destination === destination).map((entry) => entry.body);
  }

  active(destination?: Destination): FakeSubscription[] {
    return this.subscriptions.filter((entry) => entry.active && (destination === undefined || entry.destination === destination));
  }

  /** Delivers an event to every active subscription of the destination. */
  emit(destination: Destination, event: RealtimeEvent): void {
    for (const entry of this.active(destination)) entry.handler(event);
  }

  /** Calls onResync of every active subscription of the destination. */
  resync(destination: Destination, head: number | null = null): void {
    for (const entry of this.active(destination)) entry.options.onResync?.(head);
  }
}

/** A `ticket.created` / `ticket.updated` event as the server sends it. */
export function ticketEvent(
  type: 'ticket.created' | 'ticket.updated',
  ticket: Ticket,
  seq: number | null,
  stream = 'tickets',
  changed: string[] = [],
): TicketStreamEvent {
  return {
    seq,
    stream,
    type,
    at: '2026-11-22T09:00:00Z',
    ticketId: ticket.id,
    data: { ticket, changed, actor: { id: 'u-bob', displayName: 'Bob Agent', role: 'AGENT' } },
  };
}

/**
 * A customer's (carol's) chat message as a `message.created` event, on `/topic/tickets` unless another
 * stream is named; override fields of the message (the event is `at` its `createdAt`).
 */
export function customerMessage(ticketId: string, seq: number, overrides: Partial<Message> = {}, stream = 'tickets'): TicketStreamEvent {
  const data: Message = {
    id: `m${seq}`,
    ticketId,
    seq,
    author: { id: 'u-carol', displayName: 'Carol Customer', role: 'CUSTOMER' },
    body: 'hello',
    internal: false,
    clientMessageId: `c${seq}`,
    createdAt: '2026-11-22T09:00:00Z',
    ...overrides,
  };
  return { seq, stream, type: 'message.created', at: data.createdAt, ticketId, data };
}
