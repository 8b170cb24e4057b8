import type { Actor } from '../api/types';
import type { TypingData } from '../realtime/events';

export const TYPING_THROTTLE_MS = 2_000;
export const TYPING_IDLE_MS = 4_000;
/** How long an indicator lasts when the event does not say (`expiresInMs`). */
export const TYPING_DEFAULT_EXPIRY_MS = 6_000;

export interface TypingSenderOptions {
  /** Sends `{typing, internal?}` to /app/tickets.{id}/typing. */
  send: (typing: boolean, internal: boolean) => void;
  throttleMs?: number;
  idleMs?: number;
  now?: () => number;
}

/**
 * What the composer tells others about typing: `typing: true` at most once per `throttleMs` while
 * keys are pressed, and `typing: false` when the message is sent, the box loses focus or is emptied,
 * or nothing was typed for `idleMs`. Nothing is sent for false unless true was.
 */
export class TypingSender {
  private readonly options: Required<TypingSenderOptions>;
  private lastTrueAt = Number.NEGATIVE_INFINITY;
  private active = false;
  private internal = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: TypingSenderOptions) {
    this.options = { throttleMs: TYPING_THROTTLE_MS, idleMs: TYPING_IDLE_MS, now: () => Date.now(), ...options };
  }

  /** The text changed; `hasText` is whether the box has anything in it now. */
  input(hasText: boolean, internal = false): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.options.now();
    const modeChanged = this.active && internal !== this.internal;
    if (modeChanged) {
      // the audience changed (public reply <-> internal note): tell the old one it stopped
      this.options.send(false, this.internal);
      this.active = false;
    }
    if (!this.active || now - this.lastTrueAt >= this.options.throttleMs) {
      this.lastTrueAt = now;
      this.active = true;
      this.internal = internal;
      this.options.send(true, internal);
    }
    this.clearIdle();
    this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs);
  }

  /** Sent, blurred, emptied or idle: `typing: false` if `true` went out. */
  stop(): void {
    this.clearIdle();
    if (!this.active) return;
    this.active = false;
    this.lastTrueAt = Number.NEGATIVE_INFINITY;
    this.options.send(false, this.internal);
  }

  get typing(): boolean {
    return this.active;
  }

  dispose(): void {
    this.stop();
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

export interface Typist {
  user: Actor;
  internal: boolean;
  /** Epoch ms when the indicator goes. */
  expiresAt: number;
}

/** Who is typing, by user id. */
export type Typists = ReadonlyMap<string, Typist>;

/**
 * Applies a `typing` event: `true` shows (or extends) the user's indicator until `expiresInMs` from
 * now, `false` removes it. Events about oneself, and ones without a user, change nothing. Returns the
 * same map when nothing changed.
 */
export function applyTyping(typists: Typists, data: Partial<TypingData> | null | undefined, myId: string, now: number): Typists {
  const user = data?.user;
  if (!user || typeof user.id !== 'string' || user.id === myId) return typists;
  if (data?.typing !== true) {
    if (!typists.has(user.id)) return typists;
    const next = new Map(typists);
    next.delete(user.id);
    return next;
  }
  const ttl = typeof data.expiresInMs === 'number' && Number.isFinite(data.expiresInMs) && data.expiresInMs > 0 ? data.expiresInMs : TYPING_DEFAULT_EXPIRY_MS;
  const next = new Map(typists);
  next.set(user.id, { user, internal: data.internal === true, expiresAt: now + ttl });
  return next;
}

/** Without the indicators that ran out by `now` (the same map when none did). */
export function expireTypists(typists: Typists, now: number): Typists {
  let next: Map<string, Typist> | null = null;
  for (const [id, typist] of typists) {
    if (typist.expiresAt <= now) {
      next ??= new Map(typists);
      next.delete(id);
    }
  }
  return next ?? typists;
}

/** Without one user's indicator (they just sent their message). */
export function dropTypist(typists: Typists, userId: string): Typists {
  if (!typists.has(userId)) return typists;
  const next = new Map(typists);
  next.delete(userId);
  return next;
}

/** When the next indicator runs out, or null when none is shown. */
export function nextExpiry(typists: Typists): number | null {
  let next: number | null = null;
  for (const typist of typists.values()) if (next === null || typist.expiresAt < next) next = typist.expiresAt;
  return next;
}
