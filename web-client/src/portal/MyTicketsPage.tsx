import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Ticket } from '../api/types';
import { ticketHref } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import type { TicketListState } from '../tickets/useTicketList';
import { TicketListSection } from '../ui/TicketListSection';
import type { TicketColumn } from '../ui/TicketTable';
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
      <TicketListSection
        list={list}
        title={t('portal.myTickets')}
        titleId="my-tickets-title"
        columns={COLUMNS}
        emptyText={t('portal.empty')}
        highlightId={created?.id ?? null}
        flashIds={flashIds}
      >
        {created && (
          <p className="notice" role="status" data-testid="ticket-created">
            {t('portal.created', { number: created.number })} <a href={ticketHref(created.id)}>{created.subject}</a>
          </p>
        )}
      </TicketListSection>
      <aside className="panel portal-side">
        <NewTicketForm api={api} onCreated={onCreated} />
      </aside>
    </div>
  );
}
