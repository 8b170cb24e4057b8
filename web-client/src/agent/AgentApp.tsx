import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Session } from '../api/types';
import { LiveSessionsPage } from '../assist/LiveSessionsPage';
import { agentsHref, assistSessionsHref, healthHref, kbHref, listHref, reportsHref, triageHref, useFocusMainOnRouteChange, useHashRoute } from '../app/hashRoute';
import { logout } from '../app/navigation';
import { useCurrentUser } from '../app/useCurrentUser';
import { useT } from '../i18n/I18nProvider';
import { SlaSettingsPage } from '../sla/settings/SlaSettingsPage';
import { ConsoleNav, P1Banner, SlaAlertToasts, SoundToggle } from '../sla/SlaConsole';
import { useSlaConsole } from '../sla/useSlaConsole';
import { WarRoomPage } from '../sla/WarRoomPage';
import { ReportsPage } from '../reports/ReportsPage';
import { TicketHealthPage } from '../reports/TicketHealthPage';
import { AppHeader } from '../ui/AppHeader';
import { AgentsPage, AgentStatusSwitch } from '../knowledge/AgentsPage';
import { KnowledgePage } from '../knowledge/KnowledgePage';
import { TriagePage } from '../knowledge/TriagePage';
import { useKbTexts } from '../knowledge/texts';
import { useTexts } from '../wallboard/texts';
import { AgentTicketDetail } from './AgentTicketDetail';
import { DEFAULT_FILTERS, type AgentFilters } from './filters';
import { TicketListView, useAgentQueue } from './TicketListPage';

/**
 * Agent and supervisor console: ticket queue at `#/`, one ticket at `#/tickets/<id>`, the P1 war room
 * at `#/incidents`, SLA settings at `#/sla/<section>`, and for supervisors live assistance at `#/assist`,
 * KPI reports at `#/reports` and ticket health at `#/health`. The queue's data lives here, so it
 * is not lost (nor reloaded) on the way to a ticket and back; so do the SLA alerts and open P1s.
 */
export function AgentApp({ api, session }: { api: ApiClient; session: Session }) {
  const t = useT();
  const x = useTexts();
  const kx = useKbTexts();
  const user = useCurrentUser(api, session);
  const [route] = useHashRoute();
  useFocusMainOnRouteChange(route);
  // kept here so the filters survive a visit to a ticket and back
  const [filters, setFilters] = useState<AgentFilters>(DEFAULT_FILTERS);
  // the queue stays (and stays live) while a ticket is open: unread counts, paging and rows survive
  const sla = useSlaConsole(api, undefined, user.id);
  const queue = useAgentQueue(api, filters, user.id, route.name === 'ticket' ? route.id : null, { onEvent: sla.onTicketEvent, onResync: sla.onResync });

  return (
    <div className="app">
      <AppHeader area={t('app.agentConsole')} homeHref={listHref} user={user} onLogout={logout} tools={<><AgentStatusSwitch api={api} user={user} /><SoundToggle sla={sla} /></>} />
      <main id="main" className="app-main" tabIndex={-1}>
        <ConsoleNav route={route} user={user} openP1={sla.incidents.length}>
          <a href={kbHref} data-testid="nav-kb" aria-current={route.name === 'kb' ? 'page' : undefined}>
            {kx('kb.nav')}
          </a>
          {user.role === 'SUPERVISOR' && (
            <>
              <a href={agentsHref} data-testid="nav-agents" aria-current={route.name === 'agents' ? 'page' : undefined}>
                {kx('agents.nav')}
              </a>
              <a href={triageHref} data-testid="nav-triage" aria-current={route.name === 'triage' ? 'page' : undefined}>
                {kx('triage.nav')}
              </a>
              <a href={assistSessionsHref} data-testid="nav-assist-sessions" aria-current={route.name === 'assist-sessions' ? 'page' : undefined}>
                {t('nav.assistSessions')}
              </a>
              <a href={reportsHref} data-testid="nav-reports" aria-current={route.name === 'reports' ? 'page' : undefined}>
                {x('reports.nav')}
              </a>
              <a href={healthHref} data-testid="nav-health" aria-current={route.name === 'health' ? 'page' : undefined}>
                {x('health.nav')}
              </a>
            </>
          )}
        </ConsoleNav>
        <P1Banner sla={sla} route={route} />
        {route.name === 'ticket' ? (
          <AgentTicketDetail key={route.id} api={api} id={route.id} user={user} />
        ) : route.name === 'incidents' ? (
          <WarRoomPage sla={sla} user={user} />
        ) : route.name === 'sla' ? (
          <SlaSettingsPage api={api} user={user} section={route.section} />
        ) : route.name === 'assist-sessions' && user.role === 'SUPERVISOR' ? (
          <LiveSessionsPage api={api} />
        ) : route.name === 'reports' && user.role === 'SUPERVISOR' ? (
          <ReportsPage api={api} />
        ) : route.name === 'health' && user.role === 'SUPERVISOR' ? (
          <TicketHealthPage api={api} />
        ) : route.name === 'kb' ? (
          <KnowledgePage api={api} user={user} />
        ) : route.name === 'agents' && user.role === 'SUPERVISOR' ? (
          <AgentsPage api={api} />
        ) : route.name === 'triage' && user.role === 'SUPERVISOR' ? (
          <TriagePage api={api} />
        ) : (
          <TicketListView queue={queue} filters={filters} onFiltersChange={setFilters} />
        )}
      </main>
      <SlaAlertToasts sla={sla} />
    </div>
  );
}
