import type { Priority, TicketQuery, TicketSort, TicketStatus } from '../api/types';

export type AssigneeFilter = 'me' | 'none' | '';

export interface AgentFilters {
  status: TicketStatus | '';
  priority: Priority | '';
  assignee: AssigneeFilter;
  q: string;
  /** `due`: time to breach ascending (the server's `sort=due`); `number`: newest first. */
  sort: TicketSort;
}

export const DEFAULT_FILTERS: AgentFilters = { status: '', priority: '', assignee: '', q: '', sort: 'number' };

export const SORTS: readonly TicketSort[] = ['number', 'due'];

export const ASSIGNEE_OPTIONS: readonly AssigneeFilter[] = ['me', 'none', ''];

/** The list query for these filters (and the order); empty filters are not sent. */
export function filtersToQuery(filters: AgentFilters): TicketQuery {
  return {
    status: filters.status,
    priority: filters.priority,
    assignee: filters.assignee,
    q: filters.q.trim(),
    sort: filters.sort === 'due' ? 'due' : '',
  };
}

/** Whether no filter is set (the order is not a filter). */
export const isDefaultFilters = (filters: AgentFilters): boolean =>
  filters.status === '' && filters.priority === '' && filters.assignee === '' && filters.q.trim() === '';
