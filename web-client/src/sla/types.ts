/** Types of the SLA API (shared/CONTRACT.md "SLA policies", extended by notes/SLA-INTERFACE.md). */
import type { PersonRef, Priority, Ticket } from '../api/types';

export interface EscalationPolicy {
  notifySupervisors: boolean;
  /** An escalation group's name (e.g. `tier2`), or null to leave the assignee. */
  reassignToGroup: string | null;
}

/**
 * Durations are ISO-8601 (`PT15M`); `nextResponse` null means no next-response target; `warnBefore`
 * may be `PT0S` (no warning); `calendar` is `24x7` or a calendar's id.
 */
export interface SlaPolicy {
  priority: Priority;
  firstResponse: string;
  nextResponse: string | null;
  resolution: string;
  warnBefore: string;
  calendar: string;
  escalation?: EscalationPolicy;
}

export const ROUND_THE_CLOCK = '24x7';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours on one day, `HH:MM` local to the calendar's time zone. */
export interface OpeningHours {
  from: string;
  to: string;
}

export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  hours: Record<Weekday, OpeningHours[]>;
  /** Dates (`2026-12-25`) on which the calendar is closed. */
  holidays: string[];
}

export interface EscalationGroup {
  name: string;
  members: PersonRef[];
}

export interface IncidentParticipant extends PersonRef {
  joinedAt: string;
}

/** An open P1 in the war room. */
export interface Incident {
  ticket: Ticket;
  openedAt: string;
  acknowledgeDueAt: string | null;
  acknowledgedAt: string | null;
  participants: IncidentParticipant[];
}
