import { useEffect, useRef } from 'react';
import { ticketTopic, type TicketStreamEvent } from './events';
import type { RealtimeSubscription } from './RealtimeClient';
import { useRealtimeClient } from './RealtimeProvider';

export const MAX_TICKET_STREAMS = 50;

/**
 * One `/topic/tickets.{id}` subscription per id (the first `max` ids), kept in step with the list:
 * ids that stay keep their subscription (and its resume position), new ones are subscribed, gone
 * ones unsubscribed. For views that may not use /topic/tickets, such as the customer's own list.
 */
export function useTicketStreams(
  ids: readonly string[],
  handler: (event: TicketStreamEvent, ticketId: string) => void,
  options: { onResync?: (ticketId: string) => void; max?: number } = {},
): void {
  const client = useRealtimeClient();
  const latest = useRef({ handler, options });
  latest.current = { handler, options };
  const subscriptions = useRef(new Map<string, RealtimeSubscription>());
  const max = options.max ?? MAX_TICKET_STREAMS;
  const wanted = [...new Set(ids)].slice(0, max);
  const key = wanted.join('\n');

  useEffect(() => {
    if (!client) return;
    const current = subscriptions.current;
    const keep = new Set(key ? key.split('\n') : []);
    for (const [id, subscription] of current) {
      if (!keep.has(id)) {
        subscription.unsubscribe();
        current.delete(id);
      }
    }
    for (const id of keep) {
      if (current.has(id)) continue;
      current.set(
        id,
        client.subscribe(ticketTopic(id), (event) => latest.current.handler(event, id), {
          onResync: () => latest.current.options.onResync?.(id),
        }),
      );
    }
  }, [client, key]);

  // all of them go when the view (or the client) goes
  useEffect(() => {
    const current = subscriptions.current;
    return () => {
      for (const subscription of current.values()) subscription.unsubscribe();
      current.clear();
    };
  }, [client]);
}
