import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { Ticket, User } from '../api/types';
import { listHref } from '../app/hashRoute';
import { ChatPane } from '../chat/ChatPane';
import { useT } from '../i18n/I18nProvider';
import { ErrorBanner } from '../ui/ErrorBanner';
import { TicketFacts } from '../ui/TicketFacts';
import { Timeline } from '../ui/Timeline';
import { useTicket, type TicketState } from './useTicket';

/** What a ticket detail page is given: the API, the ticket's id, who is looking, and who hears of changes. */
export interface TicketDetailProps {
  api: ApiClient;
  id: string;
  user: User;
  onChange?: ((ticket: Ticket) => void) | undefined;
}

interface TicketDetailViewProps extends TicketDetailProps {
  /** What stands beside the title (the badges this audience sees). */
  badges: (ticket: Ticket) => ReactNode;
  /** The top of the side column: what this audience may do with the ticket. */
  actions: (ticket: Ticket, state: TicketState) => ReactNode;
  /** Above the description and chat (the console's problem snapshot). */
  top?: (ticket: Ticket) => ReactNode;
  /** Show "saved" after a change went through. */
  showSaved?: boolean;
  /** Staff see every fact (SLA clocks, version); customers do not. */
  staff?: boolean;
}

/**
 * One ticket on screen, for agents and customers alike: loaded and kept live by `useTicket`, with the
 * description, the chat (sharing the ticket's live stream) and the timeline, and the facts beside them.
 * What differs per audience (the badges by the title, the actions) comes from the caller.
 */
export function TicketDetailView({ api, id, user, onChange, badges, actions, top, showSaved = false, staff = true }: TicketDetailViewProps) {
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
            {badges(ticket)}
          </div>
          {state.conflict && <ErrorBanner tone="warning" message={t('detail.conflict')} onDismiss={state.dismiss} />}
          <ErrorBanner error={state.saveError} onDismiss={state.dismiss} />
          {showSaved && state.saved && (
            <p className="notice" role="status">
              {t('detail.saved')}
            </p>
          )}
          <div className="detail-grid">
            <div className="detail-main">
              {top?.(ticket)}
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
              {actions(ticket, state)}
              <section className="panel">
                <TicketFacts ticket={ticket} staff={staff} />
              </section>
            </aside>
          </div>
        </>
      )}
    </section>
  );
}
