import { useEffect, useId, useState } from 'react';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import type { TicketSort } from '../api/types';
import { ASSIGNEE_OPTIONS, DEFAULT_FILTERS, isDefaultFilters, SORTS, type AgentFilters, type AssigneeFilter } from './filters';

const SEARCH_DELAY_MS = 300;

/** Status, priority and assignee apply at once; the search applies after a short pause or on Enter. */
export function TicketFilterBar({ filters, onChange }: { filters: AgentFilters; onChange: (filters: AgentFilters) => void }) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState(filters.q);

  useEffect(() => setQ(filters.q), [filters.q]);

  useEffect(() => {
    if (q === filters.q) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  const assigneeLabel = (option: AssigneeFilter) =>
    option === 'me' ? t('assignee.me') : option === 'none' ? t('assignee.none') : t('assignee.all');

  return (
    <form
      className="filter-bar"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...filters, q });
      }}
    >
      <div className="field field-inline">
        <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
        <select
          id={`${id}-status`}
          data-testid="filter-status"
          value={filters.status}
          onChange={(event) => onChange({ ...filters, status: event.target.value as TicketStatus | '' })}
        >
          <option value="">{t('filters.any')}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-priority`}>{t('filters.priority')}</label>
        <select
          id={`${id}-priority`}
          data-testid="filter-priority"
          value={filters.priority}
          onChange={(event) => onChange({ ...filters, priority: event.target.value as Priority | '' })}
        >
          <option value="">{t('filters.any')}</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority} · {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-assignee`}>{t('filters.assignee')}</label>
        <select
          id={`${id}-assignee`}
          data-testid="filter-assignee"
          value={filters.assignee}
          onChange={(event) => onChange({ ...filters, assignee: event.target.value as AssigneeFilter })}
        >
          {ASSIGNEE_OPTIONS.map((option) => (
            <option key={option || 'all'} value={option}>
              {assigneeLabel(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline field-grow">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <input
          id={`${id}-q`}
          data-testid="filter-q"
          type="search"
          value={q}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-sort`}>{t('sort.label')}</label>
        <select id={`${id}-sort`} data-testid="sort" value={filters.sort} onChange={(event) => onChange({ ...filters, sort: event.target.value as TicketSort })}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button button-small button-quiet"
        disabled={isDefaultFilters(filters) && q === ''}
        onClick={() => onChange({ ...DEFAULT_FILTERS, sort: filters.sort })}
      >
        {t('filters.reset')}
      </button>
    </form>
  );
}
