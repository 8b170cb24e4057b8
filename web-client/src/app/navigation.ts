import { clearSession, homePathFor, loadSession, LOGIN_PATH } from '../api/session';
import type { Role, Session } from '../api/types';

/** Forgets the session and shows the login page. */
export function logout(): void {
  clearSession();
  window.location.assign(LOGIN_PATH);
}

/**
 * The session if its role may use this page. Otherwise sends the browser to the login page
 * (no session) or to the page of its role, and returns null.
 */
export function requireSession(allowed: readonly Role[]): Session | null {
  const session = loadSession();
  if (!session) {
    window.location.replace(LOGIN_PATH);
    return null;
  }
  if (!allowed.includes(session.user.role)) {
    window.location.replace(homePathFor(session.user.role));
    return null;
  }
  return session;
}
