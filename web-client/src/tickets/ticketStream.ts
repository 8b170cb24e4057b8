import type { TicketStreamEvent } from '../realtime/events';

/**
 * The events of one ticket's live subscription (`/topic/tickets.{id}`), shared by the parts of a
 * ticket view, so the view opens one subscription and not one per panel. `useTicket` owns the
 * subscription and feeds it; the chat listens.
 */
export interface TicketStream {
  readonly ticketId: string;
  /** Every event of the subscription, after the realtime layer dropped duplicates (seq at or below the last). */
  listen(handler: (event: TicketStreamEvent) => void): () => void;
  /** The view caught up over REST because events may have been missed (resync.required, reconnect without a seq). */
  onResync(handler: () => void): () => void;
}

export interface TicketStreamSource extends TicketStream {
  emit(event: TicketStreamEvent): void;
  resync(): void;
}

/** A fan-out for one ticket; a listener that throws does not keep the others from their event. */
export function createTicketStream(ticketId: string): TicketStreamSource {
  const handlers = new Set<(event: TicketStreamEvent) => void>();
  const resyncs = new Set<() => void>();
  const each = <T>(set: Set<T>, call: (item: T) => void) => {
    for (const item of [...set]) {
      try {
        call(item);
      } catch (error) {
        if (typeof console !== 'undefined') console.error(error);
      }
    }
  };
  return {
    ticketId,
    listen(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    onResync(handler) {
      resyncs.add(handler);
      return () => {
        resyncs.delete(handler);
      };
    },
    emit: (event) => each(handlers, (handler) => handler(event)),
    resync: () => each(resyncs, (handler) => handler()),
  };
}
