import type { ReactNode } from 'react';
import { ticketHref } from '../app/hashRoute';
import { useT } from '../i18n/I18nProvider';
import type { TicketListState } from '../tickets/useTicketList';
import { ErrorBanner } from './ErrorBanner';
import { ListFooter } from './ListFooter';
import { TicketTable, type TableSort, type TicketColumn } from './TicketTable';

interface TicketListSectionProps {
  list: TicketListState;
  /** The page heading, also the table's caption. */
  title: string;
  /** Id of the heading, which labels the section. */
  titleId: string;
  columns: readonly TicketColumn[];
  emptyText: string;
  /** Row of a ticket to mark (e.g. one just created). */
  highlightId?: string | null;
  /** Rows that just changed live; they flash briefly. */
  flashIds?: ReadonlySet<string> | undefined;
  /** What goes between the heading and the table (filters, a notice). */
  children?: ReactNode;
  /** The order of the list, when the user may change it from the table's head. */
  sort?: TableSort | undefined;
}

/**
 * A page of tickets: heading with a refresh button, the list's error, then the ticket table (each row
 * linking to its ticket) with cursor paging, or "loading" while the first page is on its way.
 */
export function TicketListSection({ list, title, titleId, columns, emptyText, highlightId, flashIds, children, sort }: TicketListSectionProps) {
  const t = useT();
  return (
    <section className="page" aria-labelledby={titleId}>
      <div className="page-head">
        <h1 id={titleId}>{title}</h1>
        <button type="button" className="button button-small" onClick={list.reload} disabled={list.loading}>
          {t('list.refresh')}
        </button>
      </div>
      {children}
      <ErrorBanner error={list.error} onRetry={list.reload} onDismiss={list.dismissError} />
      {list.loading && list.items.length === 0 ? (
        <p className="muted loading">{t('common.loading')}</p>
      ) : (
        <div aria-busy={list.loading}>
          <TicketTable
            tickets={list.items}
            columns={columns}
            hrefOf={(ticket) => ticketHref(ticket.id)}
            caption={title}
            highlightId={highlightId}
            flashIds={flashIds}
            emptyText={emptyText}
            sort={sort}
          />
          <ListFooter count={list.items.length} hasMore={Boolean(list.nextCursor)} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
        </div>
      )}
    </section>
  );
}
