import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import type { Ticket, TicketEvent, TicketPatch } from '../api/types';
import { asTimelineEvent, maxSeq, mergeBySeq, ticketOf, ticketTopic, type TicketStreamEvent, type TicketTopic } from '../realtime/events';
import { useSubscription } from '../realtime/RealtimeProvider';
import { createTicketStream, type TicketStream } from './ticketStream';

export interface TicketState {
  ticket: Ticket | null;
  events: TicketEvent[];
  loading: boolean;
  timelineLoading: boolean;
  /** Loading the ticket failed (404, network, …). */
  loadError: unknown;
  saving: boolean;
  /** The last change failed for another reason than a version conflict. */
  saveError: unknown;
  /** The last change hit a newer version: the ticket now shows that version. */
  conflict: boolean;
  /** The last change went through. */
  saved: boolean;
  /** Live updates are subscribed (after the first timeline load, inside a RealtimeProvider). */
  live: boolean;
  /** Every event of the ticket's subscription, for other panels of the view (the chat); one subscription for all. */
  stream: TicketStream;
  update: (patch: TicketPatch) => Promise<Ticket | null>;
  reload: () => void;
  dismiss: () => void;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

function looksLikeTicket(value: unknown): value is Ticket {
  return typeof value === 'object' && value !== null && typeof (value as Ticket).id === 'string' && typeof (value as Ticket).version === 'number';
}

/**
 * One ticket and its timeline, with optimistic-concurrency updates: every PATCH carries
 * `If-Match: <version>`; on 409 the ticket is replaced by the problem's `current` ticket
 * (or fetched again) and `conflict` is set, so the user sees what changed before retrying.
 *
 * Live (inside a RealtimeProvider): once the REST timeline is loaded, `/topic/tickets.{id}` is
 * subscribed with `resume-after` its highest seq, so nothing between the REST load and the
 * subscription is missed. Ticket events replace the ticket (never with an older version) and
 * durable events are added to the timeline, deduplicated by seq. `resync.required` reloads both.
 */
export function useTicket(api: ApiClient, id: string, onChange?: (ticket: Ticket) => void): TicketState {
  const [ticket, setTicketState] = useState<Ticket | null>(null);
  const ticketRef = useRef<Ticket | null>(null);
  const setTicket = useCallback((next: Ticket | null) => {
    ticketRef.current = next;
    setTicketState(next);
  }, []);
  // where the live subscription of this ticket starts: set once, by the first timeline load
  const [liveStart, setLiveStart] = useState<{ id: string; resumeAfter: number | undefined } | null>(null);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [timelineLoading, setTimelineLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [generation, setGeneration] = useState(0);
  const stream = useMemo(() => createTicketStream(id), [id]);

  const loadTimeline = useCallback(
    (signal?: AbortSignal) => {
      setTimelineLoading(true);
      const goLive = (resumeAfter: number | undefined) =>
        setLiveStart((current) => (current?.id === id ? current : { id, resumeAfter }));
      return api
        .timeline(id, undefined, { signal })
        .then((list) => {
          // what came in live meanwhile stays (the REST answer may be older than it)
          setEvents((current) => mergeBySeq(list, current));
          setTimelineLoading(false);
          goLive(maxSeq(list));
        })
        .catch((failure: unknown) => {
          if (isAbort(failure)) return;
          // the ticket itself is still useful without its timeline
          setTimelineLoading(false);
          goLive(undefined);
        });
    },
    [api, id],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setLoadError(null);
    setTicket(null);
    setEvents([]);
    setConflict(false);
    setSaved(false);
    setSaveError(null);
    api
      .getTicket(id, { signal: controller.signal })
      .then((loaded) => {
        // a live event may already have brought a newer version
        const current = ticketRef.current;
        if (!current || loaded.version >= current.version) setTicket(loaded);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
        setLoadError(failure);
        setLoading(false);
      });
    void loadTimeline(controller.signal);
    return () => controller.abort();
  }, [api, id, generation, loadTimeline, setTicket]);

  const update = useCallback(
    async (patch: TicketPatch): Promise<Ticket | null> => {
      if (!ticket || saving) return null;
      setSaving(true);
      setSaveError(null);
      setConflict(false);
      setSaved(false);
      try {
        const next = await api.patchTicket(ticket.id, ticket.version, patch);
        setTicket(next);
        setSaved(true);
        onChange?.(next);
        void loadTimeline();
        return next;
      } catch (failure) {
        if (isApiError(failure) && failure.status === 409) {
          // 409 is a stale version (with `current`) or an illegal state change: tell them apart by version.
          const current = failure.extension('current');
          const latest = looksLikeTicket(current) ? current : await api.getTicket(ticket.id).catch(() => null);
          if (latest && latest.version !== ticket.version) {
            setConflict(true);
            setTicket(latest);
            onChange?.(latest);
            void loadTimeline();
          } else {
            setSaveError(failure);
          }
        } else {
          setSaveError(failure);
        }
        return null;
      } finally {
        setSaving(false);
      }
    },
    [api, ticket, saving, onChange, loadTimeline, setTicket],
  );

  /** A ticket from an event or a reload: shown unless it is older than the one shown. */
  const applyTicket = useCallback(
    (next: Ticket) => {
      const current = ticketRef.current;
      if (next.id !== id || (current && next.version < current.version)) return;
      setTicket(next);
      onChange?.(next);
    },
    [id, onChange, setTicket],
  );

  const onEvent = useCallback(
    (event: TicketStreamEvent) => {
      const changed = ticketOf(event);
      if (changed) applyTicket(changed);
      const entry = asTimelineEvent(event);
      if (entry) setEvents((current) => mergeBySeq(current, [entry]));
      stream.emit(event);
    },
    [applyTicket, stream],
  );

  /** Catches up over REST without clearing the screen (after resync.required). */
  const refresh = useCallback(() => {
    api
      .getTicket(id)
      .then(applyTicket)
      .catch(() => undefined);
    void loadTimeline();
    stream.resync();
  }, [api, id, applyTicket, loadTimeline, stream]);

  const destination: TicketTopic | null = liveStart?.id === id ? ticketTopic(id) : null;
  useSubscription(destination, onEvent, { resumeAfter: liveStart?.resumeAfter, onResync: refresh });

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const dismiss = useCallback(() => {
    setSaveError(null);
    setConflict(false);
    setSaved(false);
  }, []);

  return { ticket, events, loading, timelineLoading, loadError, saving, saveError, conflict, saved, live: destination !== null, stream, update, reload, dismiss };
}
