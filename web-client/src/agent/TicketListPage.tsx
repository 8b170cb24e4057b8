import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ApiClient } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { ALL_TICKETS_TOPIC, ticketOf, type TicketStreamEvent } from '../realtime/events';
import { useSubscription } from '../realtime/RealtimeProvider';
import { applyTicketToList } from '../tickets/liveList';
import { incrementUnread, keepUnread, resetUnread, unreadTicketOf } from '../tickets/unread';
import { useTicketList, type TicketListState } from '../tickets/useTicketList';
import { TicketListSection } from '../ui/TicketListSection';
import type { TicketColumn } from '../ui/TicketTable';
import { useFlash } from '../ui/useFlash';
import { comparatorFor } from '../sla/sorting';
import { filtersToQuery, type AgentFilters } from './filters';
import { TicketFilterBar } from './TicketFilterBar';

const COLUMNS: readonly TicketColumn[] = ['number', 'subject', 'customer', 'priority', 'status', 'assignee', 'sla'];

export interface AgentQueue {
  list: TicketListState;
  flashIds: ReadonlySet<string>;
}

/**
 * The agent's queue as data: the list for the filters, kept live from `/topic/tickets` (created and
 * changed tickets respecting the filters; customer messages raise the row's unread count unless that
 * ticket is open now). Opening a ticket resets its count. AgentApp keeps it while a ticket is open, so
 * the way back shows the same rows, up to date, without a reload.
 */
export function useAgentQueue(
  api: ApiClient,
  filters: AgentFilters,
  userId?: string,
  openTicketId: string | null = null,
  /** Also hears every `/topic/tickets` event and resync (the console's SLA state: war room, banner), on the same subscription. */
  also?: { onEvent: (event: TicketStreamEvent) => void; onResync: () => void },
): AgentQueue {
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const list = useTicketList(api, query);
  const [flashIds, flash] = useFlash();
  const { applyLive, reload } = list;
  const open = useRef(openTicketId);
  open.current = openTicketId;

  const alsoRef = useRef(also);
  alsoRef.current = also;

  const onEvent = useCallback(
    (event: TicketStreamEvent) => {
      alsoRef.current?.onEvent(event);
      const ticket = ticketOf(event);
      if (ticket) {
        applyLive(
          (items, hasMore) =>
            applyTicketToList(items, keepUnread(items, ticket), { filter: query, me: userId, hasMore, order: query.sort === 'due' ? comparatorFor('due') : undefined }).items,
        );
        flash(ticket.id);
        return;
      }
      const unreadId = unreadTicketOf(event, { openTicketId: open.current, me: userId });
      if (unreadId) {
        // a page on its way already counts it: not replayed onto it
        applyLive((items) => incrementUnread(items, unreadId), { replay: false });
        flash(unreadId);
      }
    },
    [applyLive, flash, query, userId],
  );
  const onResync = useCallback(() => {
    reload();
    alsoRef.current?.onResync();
  }, [reload]);
  useSubscription(ALL_TICKETS_TOPIC, onEvent, { onResync });

  useEffect(() => {
    if (openTicketId) applyLive((items) => resetUnread(items, openTicketId));
  }, [openTicketId, applyLive]);

  return { list, flashIds };
}

interface TicketListViewProps {
  queue: AgentQueue;
  filters: AgentFilters;
  onFiltersChange: (filters: AgentFilters) => void;
}

/** The queue on screen: filters, the ticket table (with unread badges and live SLA countdowns, sortable by time to breach) and cursor paging. */
export function TicketListView({ queue, filters, onFiltersChange }: TicketListViewProps) {
  const t = useT();
  const { list, flashIds } = queue;
  return (
    <TicketListSection
      list={list}
      title={t('list.title')}
      titleId="list-title"
      columns={COLUMNS}
      emptyText={t('list.empty')}
      flashIds={flashIds}
      sort={{ value: filters.sort, onChange: (sort) => onFiltersChange({ ...filters, sort }) }}
    >
      <TicketFilterBar filters={filters} onChange={onFiltersChange} />
    </TicketListSection>
  );
}

interface TicketListPageProps {
  api: ApiClient;
  filters: AgentFilters;
  onFiltersChange: (filters: AgentFilters) => void;
  /** The signed-in user's id, for the "assigned to me" filter of live updates. */
  userId?: string | undefined;
}

/**
 * The agent's queue with its own data: filters, the ticket table and cursor paging. Live (inside a
 * RealtimeProvider): `/topic/tickets` events update the loaded rows in place, respecting the filters,
 * and flash the row.
 */
export function TicketListPage({ api, filters, onFiltersChange, userId }: TicketListPageProps) {
  const queue = useAgentQueue(api, filters, userId);
  return <TicketListView queue={queue} filters={filters} onFiltersChange={onFiltersChange} />;
}
