/**
 * Reconnect delays: exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS
 * Architecture Blog). Attempt n waits a uniformly random time in [0, min(cap, base * 2^n)), so
 * thousands of consoles that lost the server at the same moment spread their reconnects out instead
 * of arriving together, and keep spreading further while the server stays away.
 */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** Uniform in [0, 1); Math.random by default. */
  random?: () => number;
}

/** The upper bound (exclusive) of the wait before attempt `attempt` (0 for the first retry). */
export function backoffCeiling(attempt: number, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2 ** n overflows to Infinity for large n, which Math.min turns back into the cap
  return Math.min(capMs, baseMs * 2 ** n);
}

/** Milliseconds to wait before attempt `attempt`: a whole number in [0, ceiling). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const ceiling = backoffCeiling(attempt, options.baseMs, options.capMs);
  const draw = (options.random ?? Math.random)();
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  return Math.min(Math.floor(unit * ceiling), Math.max(ceiling - 1, 0));
}
