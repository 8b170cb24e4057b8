import { useMemo } from 'react';
import type { ApiClient } from '../api/client';
import { ticketHref } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import { useTicketList } from '../tickets/useTicketList';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ListFooter } from '../ui/ListFooter';
import { TicketTable, type TicketColumn } from '../ui/TicketTable';
import { useNow } from '../ui/useNow';
import { filtersToQuery, type AgentFilters } from './filters';
import { TicketFilterBar } from './TicketFilterBar';

const COLUMNS: readonly TicketColumn[] = ['number', 'subject', 'customer', 'priority', 'status', 'assignee', 'sla'];

interface TicketListPageProps {
  api: ApiClient;
  filters: AgentFilters;
  onFiltersChange: (filters: AgentFilters) => void;
}

/** The agent's queue: filters, the ticket table and cursor paging. */
export function TicketListPage({ api, filters, onFiltersChange }: TicketListPageProps) {
  const t = useT();
  const now = useNow();
  const query = useMemo(() => filtersToQuery(filters), [filters]);
  const list = useTicketList(api, query);

  return (
    <section className="page" aria-labelledby="list-title">
      <div className="page-head">
        <h1 id="list-title">{t('list.title')}</h1>
        <button type="button" className="button button-small" onClick={list.reload} disabled={list.loading}>
          {t('list.refresh')}
        </button>
      </div>
      <TicketFilterBar filters={filters} onChange={onFiltersChange} />
      <ErrorBanner error={list.error} onRetry={list.reload} onDismiss={list.dismissError} />
      {list.loading && list.items.length === 0 ? (
        <p className="muted loading">{t('common.loading')}</p>
      ) : (
        <div aria-busy={list.loading}>
          <TicketTable
            tickets={list.items}
            columns={COLUMNS}
            now={now}
            hrefOf={(ticket) => ticketHref(ticket.id)}
            caption={t('list.title')}
            emptyText={t('list.empty')}
          />
          <ListFooter count={list.items.length} hasMore={Boolean(list.nextCursor)} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
        </div>
      )}
    </section>
  );
}
