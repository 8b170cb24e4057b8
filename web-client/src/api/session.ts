import type { Role, Session } from './types';

/** sessionStorage key of the signed-in session (token + user). */
export const SESSION_KEY = 'lifeline.session';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.token === 'string' &&
    candidate.token.length > 0 &&
    typeof candidate.user === 'object' &&
    candidate.user !== null &&
    typeof candidate.user.role === 'string'
  );
}

/** The stored session, or null when there is none, it is unreadable, or it has expired. */
export function loadSession(now: number = Date.now()): Session | null {
  const raw = storage()?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isSession(parsed)) return null;
    const expires = Date.parse(parsed.expiresAt);
    if (!Number.isNaN(expires) && expires <= now) {
      clearSession();
      return null;
    }
    return parsed;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  storage()?.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  storage()?.removeItem(SESSION_KEY);
}

/** Page of each audience: agents and supervisors use the console, customers the portal. */
export function homePathFor(role: Role): string {
  return role === 'CUSTOMER' ? '/portal/index.html' : '/agent/index.html';
}

export const LOGIN_PATH = '/';
