import type { MouseEvent, ReactNode } from 'react';
import type { Ticket, TicketSort } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { PriorityBadge } from './PriorityBadge';
import { StatusBadge } from './StatusBadge';
import { formatDateTime } from './time';
import { unreadOf } from '../tickets/unread';
import { SlaCountdown } from '../sla/SlaCountdown';

export type TicketColumn = 'number' | 'subject' | 'customer' | 'priority' | 'status' | 'assignee' | 'sla' | 'updated';

const HEADINGS: Record<TicketColumn, MessageKey> = {
  number: 'list.number',
  subject: 'list.subject',
  customer: 'list.customer',
  priority: 'list.priority',
  status: 'list.status',
  assignee: 'list.assignee',
  sla: 'list.slaDue',
  updated: 'list.updated',
};

/** The list's order and how to change it: the SLA column's head then sorts by time to breach. */
export interface TableSort {
  value: TicketSort;
  onChange: (sort: TicketSort) => void;
}

interface TicketTableProps {
  tickets: readonly Ticket[];
  columns: readonly TicketColumn[];
  /** Fixed time for the SLA column; without it the SLA countdowns tick every second. */
  now?: number | undefined;
  /** Link of a ticket; the subject is a real link so the keyboard and middle-click work. */
  hrefOf: (ticket: Ticket) => string;
  caption: string;
  /** Row of a ticket to mark (e.g. one just created). */
  highlightId?: string | null;
  /** Rows that just changed live; they flash briefly. */
  flashIds?: ReadonlySet<string>;
  emptyText: string;
  sort?: TableSort | undefined;
}

function rowClass(highlight: boolean, flash: boolean): string | undefined {
  const names = [highlight && 'highlight', flash && 'flash'].filter(Boolean);
  return names.length > 0 ? names.join(' ') : undefined;
}

/** Dense ticket table. The whole row is clickable; the subject link is the keyboard target. */
export function TicketTable({ tickets, columns, now, hrefOf, caption, highlightId, flashIds, emptyText, sort }: TicketTableProps) {
  const t = useT();
  const [language] = useLanguage();

  const cell = (ticket: Ticket, column: TicketColumn): ReactNode => {
    switch (column) {
      case 'number':
        return <span className="ticket-number">#{ticket.number}</span>;
      case 'subject': {
        const unread = unreadOf(ticket);
        return (
          <>
            <a className="ticket-subject" href={hrefOf(ticket)}>
              {ticket.subject}
            </a>
            {unread > 0 && (
              <span className="unread-badge" data-testid="unread-badge" data-count={unread} title={t('list.unread', { count: unread })}>
                <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                <span className="visually-hidden">{t('list.unread', { count: unread })}</span>
              </span>
            )}
          </>
        );
      }
      case 'customer':
        return ticket.customer?.displayName ?? t('common.none');
      case 'priority':
        return <PriorityBadge priority={ticket.priority} />;
      case 'status':
        return <StatusBadge status={ticket.status} />;
      case 'assignee':
        return ticket.assignee?.displayName ?? <span className="muted">{t('common.unassigned')}</span>;
      case 'sla':
        return <SlaCountdown sla={ticket.sla} now={now} />;
      case 'updated':
        return <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>;
    }
  };

  const openRow = (event: MouseEvent<HTMLTableRowElement>, ticket: Ticket) => {
    if ((event.target as HTMLElement).closest('a, button, input, select')) return;
    window.location.hash = hrefOf(ticket);
  };

  return (
    <div className="table-wrap" data-testid="ticket-list">
      <table className="ticket-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              column === 'sla' && sort ? (
                <th key={column} scope="col" className={`col-${column}`} aria-sort={sort.value === 'due' ? 'ascending' : 'none'}>
                  <button
                    type="button"
                    className="th-sort"
                    data-testid="sort-by-due"
                    aria-pressed={sort.value === 'due'}
                    title={t('sort.byDue')}
                    onClick={() => sort.onChange(sort.value === 'due' ? 'number' : 'due')}
                  >
                    {t(HEADINGS[column])} <span aria-hidden="true">{sort.value === 'due' ? '▲' : '↕'}</span>
                  </button>
                </th>
              ) : (
                <th key={column} scope="col" className={`col-${column}`}>
                  {t(HEADINGS[column])}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {tickets.length === 0 ? (
            <tr className="empty-row">
              <td colSpan={columns.length} className="muted">
                {emptyText}
              </td>
            </tr>
          ) : (
            tickets.map((ticket) => (
              <tr
                key={ticket.id}
                data-testid="ticket-row"
                data-ticket-id={ticket.id}
                className={rowClass(ticket.id === highlightId, flashIds?.has(ticket.id) ?? false)}
                onClick={(event) => openRow(event, ticket)}
              >
                {columns.map((column) => (
                  <td key={column} className={`col-${column}`}>
                    {cell(ticket, column)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
