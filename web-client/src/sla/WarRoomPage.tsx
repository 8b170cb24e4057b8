import type { User } from '../api/types';
import { ticketHref } from '../app/hashRoute';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { slaErrorMessage } from './slaErrors';
import { ErrorBanner } from '../ui/ErrorBanner';
import { PriorityBadge } from '../ui/PriorityBadge';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDateTime } from '../ui/time';
import { incidentSla } from './incidents';
import { SlaClockList } from './SlaCountdown';
import type { Incident } from './types';
import type { SlaConsole } from './useSlaConsole';
import './sla.css';

function IncidentCard({ incident, user, sla }: { incident: Incident; user: User; sla: SlaConsole }) {
  const t = useT();
  const [language] = useLanguage();
  const { ticket } = incident;
  const joined = incident.participants.some((person) => person.id === user.id);
  const joining = sla.joining.has(ticket.id);
  const titleId = `incident-${ticket.id}`;
  return (
    <li className="incident" data-testid="incident" data-ticket-id={ticket.id} aria-labelledby={titleId}>
      <div className="incident-head">
        <PriorityBadge priority={ticket.priority} />
        <h2 id={titleId}>
          <a href={ticketHref(ticket.id)}>
            <span className="ticket-number">#{ticket.number}</span> {ticket.subject}
          </a>
        </h2>
        <StatusBadge status={ticket.status} />
      </div>
      <p className="muted">
        {t('warRoom.opened', { at: formatDateTime(incident.openedAt, language) })} ·{' '}
        {incident.acknowledgedAt ? t('warRoom.acknowledged', { at: formatDateTime(incident.acknowledgedAt, language) }) : t('warRoom.notAcknowledged')}
      </p>
      <SlaClockList sla={incidentSla(incident)} />
      <div>
        <h3 className="visually-hidden">{t('warRoom.participants')}</h3>
        {incident.participants.length === 0 ? (
          <p className="muted">{t('warRoom.nobody')}</p>
        ) : (
          <ul className="incident-people" aria-label={t('warRoom.participants')} data-testid="incident-participants">
            {incident.participants.map((person) => (
              <li key={person.id} title={formatDateTime(person.joinedAt, language)}>
                {person.displayName}
              </li>
            ))}
          </ul>
        )}
      </div>
      {sla.joinError?.ticketId === ticket.id && <ErrorBanner error={sla.joinError.error} onDismiss={sla.dismissJoinError} />}
      <div className="incident-actions">
        {joined ? (
          <span className="notice" data-testid="incident-joined">
            {t('warRoom.youAreIn')}
          </span>
        ) : (
          <button
            type="button"
            className="button button-primary"
            data-testid="incident-join"
            disabled={joining}
            aria-busy={joining}
            onClick={() => void sla.join(ticket.id)}
          >
            {joining ? t('warRoom.joining') : t('warRoom.join')}
          </button>
        )}
        <a className="button" href={ticketHref(ticket.id)}>
          {t('warRoom.openTicket')}
        </a>
      </div>
    </li>
  );
}

/**
 * The P1 war room: every open P1 with who has joined it and its countdowns (acknowledge, first
 * response), live; "Join" acknowledges the P1 and puts the user in the room.
 */
export function WarRoomPage({ sla, user }: { sla: SlaConsole; user: User }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="war-room-title" data-testid="war-room">
      <div className="page-head">
        <h1 id="war-room-title">{t('warRoom.title')}</h1>
        <button type="button" className="button button-small" onClick={sla.reloadIncidents} disabled={sla.incidentsLoading}>
          {t('list.refresh')}
        </button>
      </div>
      <ErrorBanner error={sla.incidentsError} message={slaErrorMessage(sla.incidentsError, t)} onRetry={sla.reloadIncidents} />
      {sla.incidentsLoading && sla.incidents.length === 0 ? (
        <p className="muted loading">{t('common.loading')}</p>
      ) : sla.incidents.length === 0 && !sla.incidentsError ? (
        <p className="muted" data-testid="war-room-empty">
          {t('warRoom.empty')}
        </p>
      ) : sla.incidents.length === 0 ? null : (
        <ul className="incidents">
          {sla.incidents.map((incident) => (
            <IncidentCard key={incident.ticket.id} incident={incident} user={user} sla={sla} />
          ))}
        </ul>
      )}
    </section>
  );
}
