import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client';
import type { Actor, Message, User } from '../api/types';
import { chatDestinations, type TicketStreamEvent } from '../realtime/events';
import { isSendError, type ConnectionState } from '../realtime/RealtimeClient';
import { useConnectionState, useRealtimeClient } from '../realtime/RealtimeProvider';
import type { TicketStream } from '../tickets/ticketStream';
import { asMessage, mergeMessages, oldestSeq } from './messages';
import { Outbox, sessionOutboxStorage, type Draft, type Outgoing } from './outbox';
import { applyReads, otherSideReadSeq, ownReadSeq, type ReadMarks } from './readMarks';
import { applyTyping, dropTypist, expireTypists, nextExpiry, TypingSender, type Typist, type Typists } from './typing';

export const PAGE_SIZE = 50;

const isAbort = (error: unknown) => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
const isStaffRole = (role: string | undefined) => role === 'AGENT' || role === 'SUPERVISOR';
const isRefused = (error: unknown) => isSendError(error) && error.reason === 'refused';

export interface ChatModel {
  /** Stored messages, oldest first, each once. */
  messages: Message[];
  /** Ours that are not stored (or confirmed) yet, in the order written. */
  outbox: readonly Outgoing[];
  loading: boolean;
  loadError: unknown;
  reload: () => void;
  hasMore: boolean;
  loadingEarlier: boolean;
  earlierError: unknown;
  loadEarlier: () => void;
  send: (draft: Draft) => void;
  retry: (clientMessageId: string) => void;
  discard: (clientMessageId: string) => void;
  /** Others typing now (never oneself). */
  typists: Typist[];
  /** Staff viewing the ticket (staff only; oneself left out). */
  viewers: Actor[];
  /** How far the other side has read (for "Read" under our messages). */
  otherReadSeq: number | undefined;
  /** Sends our read mark if it moves it forward; true when it went out. */
  markRead: (seq: number) => boolean;
  /** The highest seq our read mark has (sent, or known from the server). */
  lastReadSent: () => number | undefined;
  typing: TypingSender;
  connection: ConnectionState | null;
  staff: boolean;
}

interface UseChatOptions {
  api: ApiClient;
  ticketId: string;
  user: Pick<User, 'id' | 'role' | 'displayName'>;
  /** The ticket view's live subscription, shared (null: no live updates). */
  stream: TicketStream | null;
  /** The ticket's customer (whose read mark is "the other side" for staff). */
  customerId?: string | undefined;
  pageSize?: number;
}

/**
 * The chat of one ticket: history (newest page, then older pages by `beforeSeq`), live messages from
 * the ticket's shared subscription (deduplicated by id and seq), the outbox of our own messages,
 * typing indicators, read marks and (for staff) who else is viewing.
 */
export function useChat({ api, ticketId, user, stream, customerId, pageSize = PAGE_SIZE }: UseChatOptions): ChatModel {
  const realtime = useRealtimeClient();
  const connection = useConnectionState();
  const staff = isStaffRole(user.role);
  const me = user.id;

  const [messages, setMessages] = useState<Message[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [earlierError, setEarlierError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [typists, setTypists] = useState<Typists>(() => new Map());
  const [reads, setReads] = useState<ReadMarks>(() => new Map());
  const [viewers, setViewers] = useState<Actor[]>([]);
  const messagesRef = useRef<Message[]>([]);
  messagesRef.current = messages;
  const lastReadSent = useRef<number | undefined>(undefined);

  const latest = useRef({ api, realtime, ticketId });
  latest.current = { api, realtime, ticketId };
  /**
   * The server refused our typing or read SENDs for this ticket (an ERROR naming the receipt, which
   * also closes the connection): stop sending them, or every keystroke would cost a reconnect.
   */
  const refused = useRef({ typing: false, read: false });

  const addMessages = useCallback((incoming: readonly Message[]) => {
    setMessages((current) => mergeMessages(current, incoming));
  }, []);

  // ---- the outbox: one per ticket view -------------------------------------------------------
  const outbox = useMemo(
    () =>
      new Outbox({
        transport: {
          connected: () => latest.current.realtime?.getState() === 'connected',
          stomp: (message) => {
            const client = latest.current.realtime;
            if (!client) return Promise.reject(new Error('no realtime'));
            return client.publish(chatDestinations(latest.current.ticketId).messages, message, { receipt: true });
          },
          rest: (message, signal) => latest.current.api.postMessage(latest.current.ticketId, message, { signal }),
        },
        onMessage: (message) => addMessages([message]),
        // unsent messages survive a reload of the tab, and go out then
        storage: sessionOutboxStorage(me, ticketId),
      }),
    // a new ticket gets a new outbox; api and realtime are read through `latest`
    [ticketId, me, addMessages],
  );
  useEffect(() => {
    outbox.start();
    return () => outbox.stop();
  }, [outbox]);
  const outgoing = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);

  // ---- typing (ours) -------------------------------------------------------------------------
  const typing = useMemo(
    () =>
      new TypingSender({
        send: (isTyping, internal) => {
          const client = latest.current.realtime;
          if (!client || client.getState() !== 'connected' || refused.current.typing) return;
          const body: { typing: boolean; internal?: boolean } = { typing: isTyping };
          if (internal) body.internal = true;
          client.publish(chatDestinations(latest.current.ticketId).typing, body, { receipt: true }).catch((error: unknown) => {
            if (isRefused(error)) refused.current.typing = true;
          });
        },
      }),
    [ticketId],
  );
  useEffect(() => () => typing.dispose(), [typing]);

  // ---- live events (registered before the history is asked for, so nothing falls between) --------
  const onEvent = useCallback(
    (event: TicketStreamEvent) => {
      switch (event.type) {
        case 'message.created': {
          const message = asMessage(event.data);
          if (!message) return;
          addMessages([message]);
          outbox.delivered(message);
          setTypists((current) => dropTypist(current, message.author?.id ?? ''));
          return;
        }
        case 'typing':
          setTypists((current) => applyTyping(current, event.data, me, Date.now()));
          return;
        case 'read': {
          const data = event.data;
          setReads((current) => applyReads(current, [data]));
          return;
        }
        case 'presence':
          if (staff) setViewers(Array.isArray(event.data?.viewers) ? event.data.viewers : []);
          return;
        default:
          return;
      }
    },
    [addMessages, outbox, me, staff],
  );

  const loadSideData = useCallback(
    (signal?: AbortSignal) => {
      api
        .reads(ticketId, { signal })
        .then((marks) => setReads((current) => applyReads(current, marks)))
        .catch(() => undefined);
      if (staff) {
        api
          .presence(ticketId, { signal })
          .then((list) => setViewers(list))
          .catch(() => undefined);
      }
    },
    [api, ticketId, staff],
  );

  /** The newest page again, merged (after a resync: events may have been missed). */
  const catchUp = useCallback(() => {
    api
      .listMessages(ticketId, { limit: pageSize })
      .then((page) => {
        addMessages(page);
        for (const message of page) outbox.delivered(message);
      })
      .catch(() => undefined);
    loadSideData();
  }, [api, ticketId, pageSize, addMessages, outbox, loadSideData]);

  useEffect(() => {
    if (!stream) return;
    const stopEvents = stream.listen(onEvent);
    const stopResync = stream.onResync(catchUp);
    return () => {
      stopEvents();
      stopResync();
    };
  }, [stream, onEvent, catchUp]);

  // ---- history -------------------------------------------------------------------------------
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setLoadError(null);
    api
      .listMessages(ticketId, { limit: pageSize }, { signal: controller.signal })
      .then((page) => {
        addMessages(page);
        for (const message of page) outbox.delivered(message);
        setHasMore(page.length >= pageSize);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
        setLoadError(failure);
        setLoading(false);
      });
    loadSideData(controller.signal);
    return () => controller.abort();
  }, [api, ticketId, pageSize, generation, addMessages, outbox, loadSideData]);

  const loadEarlier = useCallback(() => {
    const before = oldestSeq(messagesRef.current);
    if (loadingEarlier || before === undefined) return;
    setLoadingEarlier(true);
    setEarlierError(null);
    api
      .listMessages(ticketId, { beforeSeq: before, limit: pageSize })
      .then((page) => {
        addMessages(page);
        setHasMore(page.length >= pageSize);
        setLoadingEarlier(false);
      })
      .catch((failure: unknown) => {
        setEarlierError(failure);
        setLoadingEarlier(false);
      });
  }, [api, ticketId, pageSize, loadingEarlier, addMessages]);

  // ---- the connection coming back ---------------------------------------------------------------
  const previousConnection = useRef(connection);
  useEffect(() => {
    const before = previousConnection.current;
    previousConnection.current = connection;
    if (connection === 'connected' && before !== 'connected') {
      outbox.wake();
      // typing and presence are not replayed: what is true now comes from REST
      if (before !== null && before !== 'connecting') loadSideData();
    }
  }, [connection, outbox, loadSideData]);

  useEffect(() => {
    const online = () => outbox.wake();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [outbox]);

  // ---- typing indicators run out ---------------------------------------------------------------
  useEffect(() => {
    const next = nextExpiry(typists);
    if (next === null) return;
    const timer = setTimeout(() => setTypists((current) => expireTypists(current, Date.now())), Math.max(0, next - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [typists]);

  // ---- read marks ------------------------------------------------------------------------------
  const own = ownReadSeq(reads, user);
  if (own !== undefined && (lastReadSent.current === undefined || own > lastReadSent.current)) lastReadSent.current = own;

  const markRead = useCallback(
    (seq: number) => {
      const client = latest.current.realtime;
      if (!client || client.getState() !== 'connected' || refused.current.read) return false;
      if (lastReadSent.current !== undefined && seq <= lastReadSent.current) return false;
      const previous = lastReadSent.current;
      lastReadSent.current = seq;
      client.publish(chatDestinations(latest.current.ticketId).read, { seq }, { receipt: true }).catch((error: unknown) => {
        if (isRefused(error)) {
          refused.current.read = true;
          return;
        }
        // not sent after all (connection lost): allow the next try
        if (lastReadSent.current === seq) lastReadSent.current = previous;
      });
      return true;
    },
    [],
  );

  const visibleTypists = useMemo(() => [...typists.values()], [typists]);
  const otherViewers = useMemo(() => viewers.filter((viewer) => viewer && viewer.id !== me), [viewers, me]);

  return {
    messages,
    outbox: outgoing,
    loading,
    loadError,
    reload: useCallback(() => setGeneration((value) => value + 1), []),
    hasMore,
    loadingEarlier,
    earlierError,
    loadEarlier,
    send: useCallback((draft: Draft) => void outbox.add(draft), [outbox]),
    retry: useCallback((id: string) => outbox.retry(id), [outbox]),
    discard: useCallback((id: string) => outbox.discard(id), [outbox]),
    typists: visibleTypists,
    viewers: otherViewers,
    otherReadSeq: otherSideReadSeq(reads, user, customerId),
    markRead,
    lastReadSent: useCallback(() => lastReadSent.current, []),
    typing,
    connection,
    staff,
  };
}
