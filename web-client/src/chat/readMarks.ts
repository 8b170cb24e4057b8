import type { Actor, Message, ReadMark, Role } from '../api/types';

/** Read marks by user id (each user's highest). */
export type ReadMarks = ReadonlyMap<string, ReadMark>;

export interface ReadContext {
  /** The newest message shown (its seq), if any. */
  newestSeq: number | undefined;
  /** The highest seq already sent (or that the server has for us). */
  lastSent: number | undefined;
  /** The newest message is on screen (scrolled into view). */
  newestVisible: boolean;
  /** The page is visible and has the focus. */
  focused: boolean;
}

/**
 * The seq to send as our read mark now, or null: only when the newest message is visible on a focused
 * page, and only when it moves the mark forward.
 */
export function readSeqToSend({ newestSeq, lastSent, newestVisible, focused }: ReadContext): number | null {
  if (newestSeq === undefined || !newestVisible || !focused) return null;
  if (lastSent !== undefined && newestSeq <= lastSent) return null;
  return newestSeq;
}

function isMark(value: unknown): value is ReadMark {
  if (typeof value !== 'object' || value === null) return false;
  const mark = value as Partial<ReadMark>;
  return typeof mark.seq === 'number' && Number.isFinite(mark.seq) && typeof mark.user?.id === 'string';
}

/** Adds read marks (from GET /reads or `read` events); a mark never goes back. Same map when nothing moved. */
export function applyReads(marks: ReadMarks, incoming: readonly unknown[]): ReadMarks {
  let next: Map<string, ReadMark> | null = null;
  for (const candidate of incoming) {
    if (!isMark(candidate)) continue;
    const current = (next ?? marks).get(candidate.user.id);
    if (current && current.seq >= candidate.seq) continue;
    next ??= new Map(marks);
    next.set(candidate.user.id, { user: candidate.user, seq: candidate.seq });
  }
  return next ?? marks;
}

export interface Viewer {
  id: string;
  role: Role;
}

const isStaff = (role: Role | undefined) => role === 'AGENT' || role === 'SUPERVISOR';

/**
 * Whether a reader is "the other side" for `me`: for a customer, any staff member (anyone else);
 * for staff, the ticket's customer.
 */
export function isOtherSide(reader: Actor, me: Viewer, customerId?: string): boolean {
  if (reader.id === me.id) return false;
  if (me.role === 'CUSTOMER') return reader.role === undefined || isStaff(reader.role);
  return reader.role === 'CUSTOMER' || (customerId !== undefined && reader.id === customerId);
}

/** How far the other side has read: the highest of their marks, or undefined. */
export function otherSideReadSeq(marks: ReadMarks, me: Viewer, customerId?: string): number | undefined {
  let best: number | undefined;
  for (const mark of marks.values()) {
    if (!isOtherSide(mark.user, me, customerId)) continue;
    if (best === undefined || mark.seq > best) best = mark.seq;
  }
  return best;
}

/** Our own read mark as the server knows it (GET /reads), if any. */
export function ownReadSeq(marks: ReadMarks, me: Viewer): number | undefined {
  return marks.get(me.id)?.seq;
}

/**
 * The ids of our own public messages the other side has read (seq at or below their mark), and the
 * newest of them (where "Read" is shown).
 */
export function readOwnMessages(messages: readonly Message[], me: Viewer, otherSeq: number | undefined): { ids: Set<string>; latest: string | null } {
  const ids = new Set<string>();
  let latest: string | null = null;
  if (otherSeq === undefined) return { ids, latest };
  for (const message of messages) {
    if (message.author?.id !== me.id || message.internal || message.seq > otherSeq) continue;
    ids.add(message.id);
    latest = message.id;
  }
  return { ids, latest };
}
