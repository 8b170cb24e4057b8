import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Ticket, TicketQuery } from '../api/types';

export const PAGE_SIZE = 50;

export interface TicketListState {
  items: Ticket[];
  nextCursor: string | null;
  /** First page on its way (after a filter change or reload). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Puts a ticket first (a new one) or replaces it where it is (an update). */
  upsert: (ticket: Ticket, position?: 'top' | 'inPlace') => void;
  /**
   * Applies a live change to the list: `update` gets the loaded tickets and whether the server has
   * more pages, and returns the new list. While a first page is on its way the change is applied to
   * what is shown and again to the page when it arrives, so nothing that happened during the load is lost
   * (unless `replay` is false: for changes the new page already includes, such as unread counts).
   */
  applyLive: (update: LiveUpdate, options?: { replay?: boolean }) => void;
  dismissError: () => void;
}

export type LiveUpdate = (items: Ticket[], hasMore: boolean) => Ticket[];

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Cursor-paged ticket list for a query: first page on every query change, then "load more". */
export function useTicketList(api: ApiClient, query: Omit<TicketQuery, 'cursor'>, pageSize = PAGE_SIZE): TicketListState {
  const [items, setItems] = useState<Ticket[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const moreController = useRef<AbortController | null>(null);
  const loadingFirst = useRef(true);
  const pendingLive = useRef<LiveUpdate[]>([]);
  const hasMore = useRef(false);

  const key = JSON.stringify({ ...query, limit: pageSize });

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    loadingFirst.current = true;
    pendingLive.current = [];
    api
      .listTickets(JSON.parse(key) as TicketQuery, { signal: controller.signal })
      .then((page) => {
        if (controller.signal.aborted) return;
        const more = Boolean(page.nextCursor);
        // live changes that came in while the page was on its way go on top of it
        const items = pendingLive.current.reduce<Ticket[]>((current, update) => update(current, more), page.items);
        pendingLive.current = [];
        loadingFirst.current = false;
        hasMore.current = more;
        setItems(items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
        loadingFirst.current = false;
        pendingLive.current = [];
        setError(failure);
        setLoading(false);
      });
    return () => controller.abort();
  }, [api, key, generation]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLoadingMore(true);
    setError(null);
    api
      .listTickets({ ...(JSON.parse(key) as TicketQuery), cursor: nextCursor }, { signal: controller.signal })
      .then((page) => {
        setItems((current) => {
          const seen = new Set(current.map((ticket) => ticket.id));
          return [...current, ...page.items.filter((ticket) => !seen.has(ticket.id))];
        });
        setNextCursor(page.nextCursor);
        hasMore.current = Boolean(page.nextCursor);
        setLoadingMore(false);
      })
      .catch((failure: unknown) => {
        if (isAbort(failure)) return;
        setError(failure);
        setLoadingMore(false);
      });
  }, [api, key, nextCursor, loadingMore]);

  const upsert = useCallback((ticket: Ticket, position: 'top' | 'inPlace' = 'inPlace') => {
    setItems((current) => {
      const index = current.findIndex((existing) => existing.id === ticket.id);
      if (position === 'top' || index < 0) return [ticket, ...current.filter((existing) => existing.id !== ticket.id)];
      const copy = [...current];
      copy[index] = ticket;
      return copy;
    });
  }, []);

  const applyLive = useCallback((update: LiveUpdate, options: { replay?: boolean } = {}) => {
    if (loadingFirst.current && options.replay !== false) pendingLive.current.push(update);
    setItems((current) => update(current, hasMore.current));
  }, []);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const dismissError = useCallback(() => setError(null), []);

  return { items, nextCursor, loading, loadingMore, error, loadMore, reload, upsert, applyLive, dismissError };
}
