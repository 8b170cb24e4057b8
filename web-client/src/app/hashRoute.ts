import { useCallback, useEffect, useRef, useState } from 'react';

/** Screens inside one page; the server serves the page and the hash picks the screen. */
export type Route = { name: 'list' } | { name: 'ticket'; id: string } | { name: 'assist-sessions' } | { name: 'reports' } | { name: 'health' };

/** `#/tickets/abc` -> ticket abc; anything else -> the list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (/^\/assist\/?$/.test(path)) return { name: 'assist-sessions' };
  if (/^\/reports\/?$/.test(path)) return { name: 'reports' };
  if (/^\/health\/?$/.test(path)) return { name: 'health' };
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
export const reportsHref = '#/reports';
export const healthHref = '#/health';

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
  const key = route.name === 'ticket' ? `ticket:${route.id}` : route.name;
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo?.({ top: 0 });
  }, [key]);
}
