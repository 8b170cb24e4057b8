/**
 * Where a user's alert queue was last read, per browser: the console subscribes with `resume-after` from it, so
 * the alerts that came while it was closed show when it opens again (the server keeps them in the user's stream).
 */
const key = (userId: string) => `lifeline.alerts.seen.${userId}`;

/** Alerts older than this when they arrive (a replay) are shown without a sound. */
export const FRESH_MS = 60_000;

export function loadSeenSeq(userId: string, storage: Storage = window.localStorage): number | undefined {
  try {
    const value = Number(storage.getItem(key(userId)));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveSeenSeq(userId: string, seq: number, storage: Storage = window.localStorage): void {
  try {
    if ((loadSeenSeq(userId, storage) ?? 0) < seq) storage.setItem(key(userId), String(seq));
  } catch {
    // private mode or full storage: the next visit shows only new alerts
  }
}

export function isFresh(at: string, now: number): boolean {
  const time = Date.parse(at);
  return Number.isNaN(time) || now - time < FRESH_MS;
}
