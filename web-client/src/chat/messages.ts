import type { Message } from '../api/types';

/** Messages of a page, newest first as the server sends them, or already merged; returned oldest first. */
export function sortBySeq(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => a.seq - b.seq);
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<Message>;
  return typeof message.id === 'string' && typeof message.seq === 'number' && Number.isFinite(message.seq) && typeof message.body === 'string';
}

/** The message a `message.created` event (or a REST answer) carries, when it looks like one. */
export function asMessage(value: unknown): Message | null {
  if (!isMessage(value)) return null;
  const attachments = Array.isArray(value.attachments) ? value.attachments : [];
  return { ...value, internal: value.internal === true, attachments };
}

/**
 * `current` (oldest first, unique) plus `incoming`, oldest first, with no message twice: one already
 * known by id, or with a seq already taken, is left out (the first one seen wins). Returns `current`
 * itself when nothing is new, so React can skip a render.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const ids = new Set<string>();
  const seqs = new Set<number>();
  for (const message of current) {
    ids.add(message.id);
    seqs.add(message.seq);
  }
  const added: Message[] = [];
  for (const candidate of incoming) {
    const message = asMessage(candidate);
    if (!message || ids.has(message.id) || seqs.has(message.seq)) continue;
    ids.add(message.id);
    seqs.add(message.seq);
    added.push(message);
  }
  if (added.length === 0) return current as Message[];
  const last = current[current.length - 1];
  const sortedAdded = sortBySeq(added);
  // the common case: live messages come after everything shown
  if (!last || (sortedAdded[0] as Message).seq > last.seq) return [...current, ...sortedAdded];
  return sortBySeq([...current, ...added]);
}

/** The lowest seq shown (where the next older page ends), or undefined for none. */
export function oldestSeq(messages: readonly Message[]): number | undefined {
  return messages[0]?.seq;
}

/** The highest seq shown, or undefined for none. */
export function newestSeq(messages: readonly Message[]): number | undefined {
  return messages[messages.length - 1]?.seq;
}

/** Initials for an avatar: `Alice Agent` -> `AA`, `张伟` -> `张伟`, `bob` -> `B`. */
export function initials(name: string | undefined | null): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0] as string;
  // CJK names have no spaces: the first two characters
  if (words.length === 1 && /[\u3400-\u9fff]/.test(first)) return [...first].slice(0, 2).join('');
  if (words.length === 1) return ([...first][0] ?? '?').toUpperCase();
  return words
    .slice(0, 2)
    .map((word) => ([...word][0] ?? '').toUpperCase())
    .join('');
}
