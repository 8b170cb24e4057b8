import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { listHref, useFocusMainOnRouteChange, useHashRoute } from '../app/hashRoute';
import { logout } from '../app/navigation';
import { useCurrentUser } from '../app/useCurrentUser';
import { CustomerAssistContext } from '../assist/CustomerAssistContext';
import { CustomerAssistLayer } from '../assist/CustomerAssistLayer';
import { useCustomerAssist } from '../assist/useCustomerAssist';
import { useT } from '../i18n/I18nProvider';
import { ticketOf, type TicketStreamEvent } from '../realtime/events';
import { MAX_TICKET_STREAMS, useTicketStreams } from '../realtime/useTicketStreams';
import { replaceIfNewer } from '../tickets/liveList';
import { useTicketList } from '../tickets/useTicketList';
import { AppHeader } from '../ui/AppHeader';
import { useFlash } from '../ui/useFlash';
import { MyTicketsPage } from './MyTicketsPage';
import { PortalTicketDetail } from './PortalTicketDetail';

const MY_TICKETS = {};

/** Calls `action` once for a burst of calls within `delayMs` (e.g. many streams asking to resync at once). */
function useCoalesced(action: () => void, delayMs = 250): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(action);
  latest.current = action;
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, delayMs);
  }, [delayMs]);
}

/**
 * Customer portal: my tickets and a new-ticket form at `#/`, one ticket at `#/tickets/<id>`.
 * Customers may not use /topic/tickets, so the list follows `/topic/tickets.{id}` of each ticket it
 * shows (the first 50); a ticket they create reloads the list over REST.
 */
export function PortalApp({ api, session }: { api: ApiClient; session: Session }) {
  const t = useT();
  const user = useCurrentUser(api, session);
  const [route] = useHashRoute();
  useFocusMainOnRouteChange(route);
  // the list lives here so a ticket marked solved shows so on the way back
  const list = useTicketList(api, MY_TICKETS);
  const [flashIds, flash] = useFlash();
  const { applyLive } = list;
  // remote assistance lives above the routes: sharing goes on while the customer moves around the portal
  const assist = useCustomerAssist(api, user);
  const { receive: receiveAssist } = assist;

  const ids = useMemo(() => list.items.slice(0, MAX_TICKET_STREAMS).map((ticket) => ticket.id), [list.items]);
  const onEvent = useCallback(
    (event: TicketStreamEvent) => {
      receiveAssist(event);
      const ticket = ticketOf(event);
      if (!ticket) return;
      applyLive((items) => replaceIfNewer(items, ticket));
      flash(ticket.id);
    },
    [applyLive, flash, receiveAssist],
  );
  const resync = useCoalesced(list.reload);
  useTicketStreams(ids, onEvent, { onResync: resync });

  return (
    <div className="app">
      <AppHeader area={t('app.customerPortal')} homeHref={listHref} user={user} onLogout={logout} />
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'ticket' ? (
          <CustomerAssistContext.Provider value={assist}>
            <PortalTicketDetail key={route.id} api={api} id={route.id} user={user} onChange={list.upsert} />
          </CustomerAssistContext.Provider>
        ) : (
          <MyTicketsPage api={api} list={list} flashIds={flashIds} />
        )}
      </main>
      <CustomerAssistLayer assist={assist} />
    </div>
  );
}
