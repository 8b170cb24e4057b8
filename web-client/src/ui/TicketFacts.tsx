import type { Ticket } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { PriorityBadge } from './PriorityBadge';
import { StatusBadge } from './StatusBadge';
import { formatDateTime } from './time';
import { SlaClockList, SlaStateLabel } from '../sla/SlaCountdown';

/**
 * The ticket's fields as a compact definition list. Staff also see every SLA clock (each a live
 * countdown on the server's time, unless `now` is given) and the version; customers do not.
 */
export function TicketFacts({ ticket, now, staff = true }: { ticket: Ticket; now?: number | undefined; staff?: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const sla = ticket.sla;
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
                <SlaStateLabel sla={sla} now={now} />{' '}
                <span className="muted">{t('detail.slaPolicy', { policy: sla.policy })}</span>
                <SlaClockList sla={sla} now={now} />
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
