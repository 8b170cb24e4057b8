import type { Ticket, TicketEvent } from '../api/types';
import { en, type MessageKey } from '../i18n/en';
import type { Language, Translate } from '../i18n/language';
import { CLOCK_NAMES } from '../sla/clockNames';
import { formatDateTime } from './time';

export interface EventSummary {
  /** Translated name of the event type, or the raw type when it is not known here. */
  label: string;
  /** One line about what happened, if the event says. */
  detail?: string;
  /** Who did it, if the event says. */
  actor?: string;
  /** An agents-only note. */
  internal?: boolean;
}

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function personName(value: unknown): string | undefined {
  const person = asRecord(value);
  return person ? (text(person.displayName) ?? text(person.username)) : text(value);
}

function truncate(value: string, max = 200): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Ordered oldest first: by `seq` when both have one, otherwise by time. Does not change its input. */
export function sortOldestFirst(events: readonly TicketEvent[]): TicketEvent[] {
  return [...events].sort((a, b) => {
    if (typeof a.seq === 'number' && typeof b.seq === 'number' && a.seq !== b.seq) return a.seq - b.seq;
    return Date.parse(a.at) - Date.parse(b.at);
  });
}

function describeChange(field: string, ticket: Partial<Ticket> | undefined, t: Translate): string {
  if (!ticket) return field;
  switch (field) {
    case 'status':
      return ticket.status ? `${field} → ${t(`status.${ticket.status}`)}` : field;
    case 'priority':
      return ticket.priority ? `${field} → ${ticket.priority}` : field;
    case 'assignee':
    case 'assigneeId':
      return `assignee → ${ticket.assignee?.displayName ?? t('common.unassigned')}`;
    default:
      return field;
  }
}

/**
 * What a timeline row shows for one event. Unknown types still show their type and any actor. Times
 * in the detail are formatted for `language` when given.
 */
export function summarizeEvent(event: TicketEvent, t: Translate, language?: Language): EventSummary {
  const eventKey = `event.${event.type}`;
  const label = eventKey in en ? t(eventKey as MessageKey) : event.type;
  const data = asRecord(event.data) ?? {};
  const loose = event as unknown as Loose;
  const summary: EventSummary = {
    label,
    actor: personName(data.actor) ?? personName(loose.actor) ?? personName(data.author) ?? personName(data.by),
  };

  switch (event.type) {
    case 'ticket.created': {
      const ticket = asRecord(data.ticket);
      const subject = text(ticket?.subject);
      if (subject) summary.detail = subject;
      break;
    }
    case 'ticket.updated': {
      const ticket = asRecord(data.ticket) as Partial<Ticket> | undefined;
      const changed = Array.isArray(data.changed) ? data.changed.filter((field): field is string => typeof field === 'string') : [];
      const parts: string[] = [];
      if (changed.length > 0) parts.push(t('timeline.changed', { fields: changed.map((field) => describeChange(field, ticket, t)).join(', ') }));
      const reason = text(data.assignmentReason);
      if (reason) parts.push(t('event.assignmentReason', { reason }));
      if (parts.length > 0) summary.detail = parts.join(' · ');
      break;
    }
    case 'message.created': {
      const body = text(data.body);
      if (body) summary.detail = truncate(body);
      if (data.internal === true) {
        summary.internal = true;
        summary.label = `${label} · ${t('event.internalNote')}`;
      }
      break;
    }
    case 'sla.warning':
    case 'sla.breached':
    case 'sla.escalated': {
      const clock = text(data.clock);
      const dueAt = text(data.dueAt);
      const parts: string[] = [];
      if (clock && dueAt) {
        const name = clock in CLOCK_NAMES ? t(CLOCK_NAMES[clock as keyof typeof CLOCK_NAMES]) : clock;
        parts.push(t('event.slaClock', { clock: name, dueAt: language ? formatDateTime(dueAt, language) || dueAt : dueAt }));
      }
      const reason = text(data.reason);
      const reasonKey = `alerts.reason.${reason}`;
      if (reason) parts.push(reasonKey in en ? t(reasonKey as MessageKey) : reason);
      if (parts.length > 0) summary.detail = parts.join(' · ');
      break;
    }
    case 'incident.opened':
    case 'incident.joined': {
      const people = Array.isArray(data.participants) ? (data.participants as unknown[]).map(asRecord).filter(Boolean) : [];
      const latest = people.reduce<Loose | undefined>((best, person) => (!best || String(person?.joinedAt ?? '') > String(best.joinedAt ?? '') ? person : best), undefined);
      if (event.type === 'incident.joined' && latest) summary.actor = personName(latest) ?? summary.actor;
      break;
    }
    default: {
      if (event.type.startsWith('assist.')) {
        const scopes = Array.isArray(data.grantedScopes) && data.grantedScopes.length > 0 ? data.grantedScopes : data.requestedScopes;
        if (Array.isArray(scopes) && scopes.length > 0) summary.detail = t('event.scopes', { scopes: scopes.join(', ') });
        const reason = text(data.reason);
        if (reason) summary.detail = summary.detail ? `${summary.detail} · ${reason}` : reason;
        // who joined, or whose attempt was refused and why
        const participant = personName(data.participant);
        if (participant) summary.actor = participant;
        const attempt = asRecord(data.attempt);
        if (attempt) {
          summary.actor = personName(attempt.who) ?? summary.actor;
          const why = text(attempt.reason);
          if (why) summary.detail = t('event.assist.refusedWhy', { reason: why });
        }
      } else {
        const free = text(data.summary) ?? text(data.message) ?? text(data.body);
        if (free) summary.detail = truncate(free);
      }
    }
  }
  return summary;
}
