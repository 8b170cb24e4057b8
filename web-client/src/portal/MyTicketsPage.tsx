import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Ticket } from '../api/types';
import { ticketHref } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import type { TicketListState } from '../tickets/useTicketList';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ListFooter } from '../ui/ListFooter';
import { TicketTable, type TicketColumn } from '../ui/TicketTable';
import { NewTicketForm } from './NewTicketForm';

const COLUMNS: readonly TicketColumn[] = ['number', 'subject', 'priority', 'status', 'updated'];

/**
 * The customer's own tickets next to the form for a new one. A new ticket goes on top at once, and
 * the list is then reloaded from the server (it may have changed elsewhere too).
 */
export function MyTicketsPage({ api, list, flashIds }: { api: ApiClient; list: TicketListState; flashIds?: ReadonlySet<string> }) {
  const t = useT();
  const [created, setCreated] = useState<Ticket | null>(null);

  function onCreated(ticket: Ticket) {
    list.upsert(ticket, 'top');
    setCreated(ticket);
    list.reload();
  }

  return (
    <div className="portal-grid">
      <section className="page" aria-labelledby="my-tickets-title">
        <div className="page-head">
          <h1 id="my-tickets-title">{t('portal.myTickets')}</h1>
          <button type="button" className="button button-small" onClick={list.reload} disabled={list.loading}>
            {t('list.refresh')}
          </button>
        </div>
        {created && (
          <p className="notice" role="status" data-testid="ticket-created">
            {t('portal.created', { number: created.number })} <a href={ticketHref(created.id)}>{created.subject}</a>
          </p>
        )}
        <ErrorBanner error={list.error} onRetry={list.reload} onDismiss={list.dismissError} />
        {list.loading && list.items.length === 0 ? (
          <p className="muted loading">{t('common.loading')}</p>
        ) : (
          <div aria-busy={list.loading}>
            <TicketTable
              tickets={list.items}
              columns={COLUMNS}
              hrefOf={(ticket) => ticketHref(ticket.id)}
              caption={t('portal.myTickets')}
              highlightId={created?.id ?? null}
              flashIds={flashIds}
              emptyText={t('portal.empty')}
            />
            <ListFooter count={list.items.length} hasMore={Boolean(list.nextCursor)} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
          </div>
        )}
      </section>
      <aside className="panel portal-side">
        <NewTicketForm api={api} onCreated={onCreated} />
      </aside>
    </div>
  );
}
