import type { Ticket } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { PriorityBadge } from './PriorityBadge';
import { SLA_CLOCKS, relativeDue } from './sla';
import { StatusBadge } from './StatusBadge';
import { formatDateTime } from './time';
import { useNow } from './useNow';

/**
 * The ticket's fields as a compact definition list. Staff also see every running SLA clock (ticking
 * every second unless `now` is given) and the version; customers do not.
 */
export function TicketFacts({ ticket, now: fixedNow, staff = true }: { ticket: Ticket; now?: number | undefined; staff?: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const clock = useNow();
  const now = fixedNow ?? clock;
  const sla = ticket.sla;
  const clocks = sla ? SLA_CLOCKS.filter(({ field }) => typeof sla[field] === 'string') : [];
  return (
    <dl className="facts" data-testid="ticket-facts">
      <div>
        <dt>{t('detail.status')}</dt>
        <dd>
          <StatusBadge status={ticket.status} />
        </dd>
      </div>
      <div>
        <dt>{t('detail.priority')}</dt>
        <dd>
          <PriorityBadge priority={ticket.priority} /> <span className="muted">{t(`priority.${ticket.priority}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('detail.customer')}</dt>
        <dd>{ticket.customer?.displayName ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('detail.assignee')}</dt>
        <dd data-testid="ticket-assignee">{ticket.assignee?.displayName ?? <span className="muted">{t('common.unassigned')}</span>}</dd>
      </div>
      <div>
        <dt>{t('detail.created')}</dt>
        <dd>
          <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, language)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('detail.updated')}</dt>
        <dd>
          <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, language)}</time>
        </dd>
      </div>
      {ticket.tags?.length > 0 && (
        <div>
          <dt>{t('detail.tags')}</dt>
          <dd className="tags">
            {ticket.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </dd>
        </div>
      )}
      {staff && (
        <div>
          <dt>{t('detail.sla')}</dt>
          <dd>
            {sla ? (
              <>
                <span className={`sla sla-state-${sla.state.toLowerCase().replace('_', '-')}`}>{t(`sla.state.${sla.state}`)}</span>{' '}
                <span className="muted">{t('detail.slaPolicy', { policy: sla.policy })}</span>
                {clocks.length > 0 && (
                  <ul className="sla-clocks">
                    {clocks.map(({ clock, field, label }) => {
                      const dueAt = sla[field] as string;
                      const due = relativeDue(dueAt, now, t);
                      return (
                        <li key={clock}>
                          {t(label)}:{' '}
                          <time dateTime={dueAt} title={formatDateTime(dueAt, language)} className={due.overdue ? 'sla sla-breached' : 'sla'}>
                            {due.text}
                          </time>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </>
            ) : (
              <span className="muted">{t('sla.none')}</span>
            )}
          </dd>
        </div>
      )}
      {staff && (
        <div>
          <dt>{t('detail.version')}</dt>
          <dd className="muted">{ticket.version}</dd>
        </div>
      )}
    </dl>
  );
}
