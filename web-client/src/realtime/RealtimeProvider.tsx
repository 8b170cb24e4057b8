import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Destination, EventFor } from './events';
import type { ConnectionState, Realtime, RealtimeSubscription } from './RealtimeClient';

const RealtimeContext = createContext<Realtime | null>(null);

/** Makes `client` the page's real-time connection: started while mounted, stopped after. */
export function RealtimeProvider({ client, children }: { client: Realtime; children: ReactNode }) {
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The page's real-time client, or null outside a RealtimeProvider (then views stay REST-only). */
export function useRealtimeClient(): Realtime | null {
  return useContext(RealtimeContext);
}

const subscribeNowhere = () => () => undefined;
const noState = () => null;

/** The connection state, re-rendering on every change; null outside a RealtimeProvider. */
export function useConnectionState(): ConnectionState | null {
  const client = useRealtimeClient();
  return useSyncExternalStore(client ? client.onStateChange : subscribeNowhere, client ? client.getState : noState, client ? client.getState : noState);
}

/** The client and its connection state. */
export function useRealtime(): { client: Realtime | null; state: ConnectionState | null } {
  return { client: useRealtimeClient(), state: useConnectionState() };
}

export interface UseSubscriptionOptions {
  /** Read once, when the subscription starts (see SubscribeOptions.resumeAfter). */
  resumeAfter?: number | undefined;
  onResync?: ((headSeq: number | null) => void) | undefined;
  onError?: ((message: string) => void) | undefined;
}

/**
 * Subscribes to `destination` while mounted (null: not yet, e.g. until the REST load is done).
 * The latest handler and callbacks are used without subscribing again; a new destination or
 * client does subscribe again.
 */
export function useSubscription<D extends Destination>(
  destination: D | null,
  handler: (event: EventFor<D>) => void,
  options: UseSubscriptionOptions = {},
): void {
  const client = useRealtimeClient();
  const latest = useRef({ handler, options });
  latest.current = { handler, options };

  useEffect(() => {
    if (!client || destination === null) return;
    const subscription: RealtimeSubscription = client.subscribe(destination, (event) => latest.current.handler(event), {
      resumeAfter: latest.current.options.resumeAfter,
      onResync: (head) => latest.current.options.onResync?.(head),
      onError: (message) => latest.current.options.onError?.(message),
    });
    return () => subscription.unsubscribe();
  }, [client, destination]);
}
