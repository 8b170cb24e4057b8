import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TicketStreamEvent } from '../realtime/events';
import type { TicketStream } from '../tickets/ticketStream';
import { asAssistSession, liveSessionOf, mergeSession, type AssistSessionView } from '../webrtc/assistState';
import type { AssistApi } from './assistApi';

export interface TicketAssist {
  /** Newest first. */
  sessions: AssistSessionView[];
  live: AssistSessionView | null;
  latest: AssistSessionView | null;
  /** Ids of sessions whose consent dialog the customer's portal reported as shown. */
  shown: ReadonlySet<string>;
  /** Server time minus local time, from the last assist event (0 before one came). */
  skewMs: number;
  loading: boolean;
  /** Takes a session the caller got from the API (the answer of a request, consent, end). */
  apply: (session: AssistSessionView | null) => void;
  reload: () => void;
}

/** The assist session an `assist.*` event carries, if it is one. */
export function assistEventSession(event: { type: string; data?: unknown }): AssistSessionView | null {
  return event.type.startsWith('assist.') ? asAssistSession(event.data) : null;
}

/**
 * The assist sessions of one ticket: loaded over REST, then kept current by the `assist.*` events of
 * the ticket's live stream (each carries the whole session); a resync of the stream loads them again.
 */
export function useTicketAssist(assist: AssistApi, ticketId: string, stream: TicketStream | null): TicketAssist {
  const [sessions, setSessions] = useState<AssistSessionView[]>([]);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const [skewMs, setSkew] = useState(0);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const apply = useCallback((session: AssistSessionView | null) => {
    if (session) setSessions((list) => mergeSession(list, session));
  }, []);
  const ticketRef = useRef(ticketId);
  ticketRef.current = ticketId;

  useEffect(() => {
    const controller = new AbortController();
    assist
      .ofTicket(ticketId, { signal: controller.signal })
      .then((loaded) => {
        setSessions((list) => loaded.reduce(mergeSession, list));
        setLoading(false);
      })
      .catch(() => setLoading(false));
    return () => controller.abort();
  }, [assist, ticketId, generation]);

  useEffect(() => {
    if (!stream) return;
    const stopListening = stream.listen((event: TicketStreamEvent) => {
      const session = assistEventSession(event);
      if (!session || session.ticketId !== ticketRef.current) return;
      const at = Date.parse(event.at);
      if (Number.isFinite(at)) setSkew(at - Date.now());
      setSessions((list) => mergeSession(list, session));
      if ((event.type as string) === 'assist.shown') setShown((ids) => new Set(ids).add(session.id));
    });
    const stopResync = stream.onResync(reload);
    return () => {
      stopListening();
      stopResync();
    };
  }, [stream, reload]);

  return useMemo(
    () => ({ sessions, live: liveSessionOf(sessions), latest: sessions[0] ?? null, shown, skewMs, loading, apply, reload }),
    [sessions, shown, skewMs, loading, apply, reload],
  );
}
