import type { Priority, TicketQuery, TicketStatus } from '../api/types';

export type AssigneeFilter = 'me' | 'none' | '';

export interface AgentFilters {
  status: TicketStatus | '';
  priority: Priority | '';
  assignee: AssigneeFilter;
  q: string;
}

export const DEFAULT_FILTERS: AgentFilters = { status: '', priority: '', assignee: '', q: '' };

export const ASSIGNEE_OPTIONS: readonly AssigneeFilter[] = ['me', 'none', ''];

/** The list query for these filters; empty filters are not sent. */
export function filtersToQuery(filters: AgentFilters): TicketQuery {
  return {
    status: filters.status,
    priority: filters.priority,
    assignee: filters.assignee,
    q: filters.q.trim(),
  };
}

export const isDefaultFilters = (filters: AgentFilters): boolean =>
  filters.status === '' && filters.priority === '' && filters.assignee === '' && filters.q.trim() === '';
