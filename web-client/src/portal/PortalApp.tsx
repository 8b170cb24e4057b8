import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { listHref, useFocusMainOnRouteChange, useHashRoute } from '../app/hashRoute';
import { logout } from '../app/navigation';
import { useCurrentUser } from '../app/useCurrentUser';
import { useT } from '../i18n/I18nProvider';
import { useTicketList } from '../tickets/useTicketList';
import { AppHeader } from '../ui/AppHeader';
import { MyTicketsPage } from './MyTicketsPage';
import { PortalTicketDetail } from './PortalTicketDetail';

const MY_TICKETS = {};

/** Customer portal: my tickets and a new-ticket form at `#/`, one ticket at `#/tickets/<id>`. */
export function PortalApp({ api, session }: { api: ApiClient; session: Session }) {
  const t = useT();
  const user = useCurrentUser(api, session);
  const [route] = useHashRoute();
  useFocusMainOnRouteChange(route);
  // the list lives here so a ticket marked solved shows so on the way back
  const list = useTicketList(api, MY_TICKETS);

  return (
    <div className="app">
      <AppHeader area={t('app.customerPortal')} homeHref={listHref} user={user} onLogout={logout} />
      <main id="main" className="app-main" tabIndex={-1}>
        {route.name === 'ticket' ? (
          <PortalTicketDetail key={route.id} api={api} id={route.id} onChange={list.upsert} />
        ) : (
          <MyTicketsPage api={api} list={list} />
        )}
      </main>
    </div>
  );
}
