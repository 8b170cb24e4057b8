import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { useRealtimeClient } from '../realtime/RealtimeProvider';
import { useNow } from '../ui/useNow';
import { ServerClock } from './serverClock';
import { slaApi } from './slaApi';

const ServerClockContext = createContext<ServerClock | null>(null);

/**
 * The page's estimate of the server's clock: synced at once, every 10 minutes, and on every reconnect
 * of the page's live connection (inside a RealtimeProvider). Pass `clock` to use a given one (tests).
 */
export function ServerClockProvider({ api, clock: given, children }: { api?: ApiClient; clock?: ServerClock; children: ReactNode }) {
  const realtime = useRealtimeClient();
  const clock = useMemo(() => {
    if (given) return given;
    if (!api) throw new Error('ServerClockProvider needs an api or a clock');
    const time = slaApi(api).time;
    return new ServerClock({ fetchTime: () => time() });
  }, [api, given]);
  useEffect(() => {
    clock.start(realtime);
    return () => clock.stop();
  }, [clock, realtime]);
  return <ServerClockContext.Provider value={clock}>{children}</ServerClockContext.Provider>;
}

const noSubscription = () => () => undefined;
const zero = () => 0;

/** Server minus local time in ms; 0 without a ServerClockProvider (or before its first sync). */
export function useServerOffset(): number {
  const clock = useContext(ServerClockContext);
  return useSyncExternalStore(clock ? clock.subscribe : noSubscription, clock ? clock.offsetMs : zero, clock ? clock.offsetMs : zero);
}

/**
 * The server's time now, re-rendering every second on the page's one shared ticker (useNow): every
 * countdown on the page changes together, with no timer per row and no per-second server traffic.
 */
export function useServerNow(): number {
  return useNow(1_000) + useServerOffset();
}
