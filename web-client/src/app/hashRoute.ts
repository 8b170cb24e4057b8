import { useCallback, useEffect, useRef, useState } from 'react';

export const SLA_SECTIONS = ['policies', 'calendars', 'groups'] as const;
export type SlaSection = (typeof SLA_SECTIONS)[number];

/** Screens inside one page; the server serves the page and the hash picks the screen. */
export type Route =
  | { name: 'list' }
  | { name: 'ticket'; id: string }
  | { name: 'assist-sessions' }
  | { name: 'reports' }
  | { name: 'health' }
  | { name: 'incidents' }
  | { name: 'kb' }
  | { name: 'agents' }
  | { name: 'triage' }
  | { name: 'sla'; section: SlaSection };

/**
 * `#/tickets/abc` -> ticket abc; `#/assist` -> live assistance sessions; `#/reports` -> KPI reports;
 * `#/health` -> ticket health; `#/incidents` -> the P1 war room; `#/sla` or `#/sla/<section>` -> SLA settings (console only); anything else -> the list.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (/^\/incidents\/?$/.test(path)) return { name: 'incidents' };
  const sla = /^\/sla(?:\/([a-z]+))?\/?$/.exec(path);
  if (sla) {
    const section = (SLA_SECTIONS as readonly string[]).includes(sla[1] ?? '') ? (sla[1] as SlaSection) : 'policies';
    return { name: 'sla', section };
  }
  if (/^\/assist\/?$/.test(path)) return { name: 'assist-sessions' };
  if (/^\/reports\/?$/.test(path)) return { name: 'reports' };
  if (/^\/health\/?$/.test(path)) return { name: 'health' };
  if (/^\/kb\/?$/.test(path)) return { name: 'kb' };
  if (/^\/agents\/?$/.test(path)) return { name: 'agents' };
  if (/^\/triage\/?$/.test(path)) return { name: 'triage' };
  const match = /^\/tickets\/([^/?#]+)\/?$/.exec(path);
  if (match?.[1]) {
    try {
      return { name: 'ticket', id: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'list' };
    }
  }
  return { name: 'list' };
}

export const ticketHref = (id: string): string => `#/tickets/${encodeURIComponent(id)}`;
export const listHref = '#/';
export const assistSessionsHref = '#/assist';
export const incidentsHref = '#/incidents';
export const slaHref = (section: SlaSection = 'policies'): string => `#/sla/${section}`;

/** One key per screen (an SLA settings section counts as its own screen). */
export const routeKey = (route: Route): string =>
  route.name === 'ticket' ? `ticket:${route.id}` : route.name === 'sla' ? `sla:${route.section}` : route.name;
export const reportsHref = '#/reports';
export const healthHref = '#/health';
export const kbHref = '#/kb';
export const agentsHref = '#/agents';
export const triageHref = '#/triage';

/** The current route, following `hashchange`, and a way to go elsewhere. */
export function useHashRoute(): [Route, (href: string) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const navigate = useCallback((href: string) => {
    if (window.location.hash !== href) window.location.hash = href;
  }, []);
  return [route, navigate];
}

/**
 * After the screen changes (not on the first render), move focus to `#main` and scroll to the top,
 * so keyboard and screen-reader users start at the new screen instead of the link they used.
 */
export function useFocusMainOnRouteChange(route: Route): void {
  const key = routeKey(route);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo?.({ top: 0 });
  }, [key]);
}
