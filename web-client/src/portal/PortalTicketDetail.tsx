import type { ApiClient } from '../api/client';
import type { Ticket, User } from '../api/types';
import { listHref } from '../app/hashRoute';
import { ChatPane } from '../chat/ChatPane';
import { useT } from '../i18n/I18nProvider';
import { useTicket } from '../tickets/useTicket';
import { ErrorBanner } from '../ui/ErrorBanner';
import { StatusBadge } from '../ui/StatusBadge';
import { TicketFacts } from '../ui/TicketFacts';
import { Timeline } from '../ui/Timeline';

const FINISHED = new Set(['SOLVED', 'CLOSED']);

interface PortalTicketDetailProps {
  api: ApiClient;
  id: string;
  user: User;
  onChange?: (ticket: Ticket) => void;
}

/** A customer's ticket: what they wrote, the conversation with support, what happened since, and "mark solved". */
export function PortalTicketDetail({ api, id, user, onChange }: PortalTicketDetailProps) {
  const t = useT();
  const state = useTicket(api, id, onChange);
  const { ticket } = state;

  return (
    <section className="page" data-testid="ticket-detail" aria-labelledby="ticket-title">
      <a className="back-link" href={listHref}>
        ← {t('common.backToList')}
      </a>
      {state.loading && <p className="muted loading">{t('common.loading')}</p>}
      <ErrorBanner error={state.loadError} onRetry={state.reload} />
      {ticket && (
        <>
          <div className="page-head ticket-head">
            <h1 id="ticket-title">
              <span className="ticket-number">#{ticket.number}</span> {ticket.subject}
            </h1>
            <StatusBadge status={ticket.status} />
          </div>
          {state.conflict && <ErrorBanner tone="warning" message={t('detail.conflict')} onDismiss={state.dismiss} />}
          <ErrorBanner error={state.saveError} onDismiss={state.dismiss} />
          <div className="detail-grid">
            <div className="detail-main">
              <section className="panel" aria-labelledby="description-title">
                <h2 id="description-title" className="panel-title">
                  {t('detail.description')}
                </h2>
                <p className="description">{ticket.description}</p>
              </section>
              <ChatPane api={api} ticketId={ticket.id} customerId={ticket.customer?.id} user={user} stream={state.stream} />
              <Timeline events={state.events} loading={state.timelineLoading} />
            </div>
            <aside className="detail-side">
              {!FINISHED.has(ticket.status) && (
                <section className="panel actions">
                  <p className="muted">{t('detail.markSolvedHint')}</p>
                  <button
                    type="button"
                    className="button button-primary"
                    data-testid="mark-solved"
                    disabled={state.saving}
                    aria-busy={state.saving}
                    onClick={() => void state.update({ status: 'SOLVED' })}
                  >
                    {state.saving ? t('detail.saving') : t('detail.markSolved')}
                  </button>
                </section>
              )}
              <section className="panel">
                <TicketFacts ticket={ticket} staff={false} />
              </section>
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
