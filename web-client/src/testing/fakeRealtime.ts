import type { Ticket } from '../api/types';
import type { Destination, RealtimeEvent, TicketStreamEvent } from '../realtime/events';
import type { ConnectionState, Realtime, RealtimeSubscription, SubscribeOptions } from '../realtime/RealtimeClient';

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
