/** Types of the Lifeline REST contract (shared/CONTRACT.md, v1). */

export type Role = 'AGENT' | 'SUPERVISOR' | 'CUSTOMER';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: User;
}

export const TICKET_STATUSES = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export type SlaState = 'OK' | 'AT_RISK' | 'BREACHED' | 'PAUSED' | 'MET';

export interface TicketSla {
  policy: string;
  state: SlaState;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  /** The soonest due time of a running clock (null if none runs); absent on older servers. */
  nextDueAt?: string | null;
  /** Every clock that has started (SLA engine); absent on older servers. */
  clocks?: SlaClockInfo[];
}

export type SlaClockName = 'firstResponse' | 'nextResponse' | 'resolution' | 'acknowledge';
/** BREACHED: running and past due. */
export type SlaClockState = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'STOPPED';

export interface SlaClockInfo {
  clock: SlaClockName;
  state: SlaClockState;
  /** Running clocks only. */
  dueAt: string | null;
  /** Running clocks only: from here on the clock is at risk. */
  warnAt: string | null;
  /** Paused clocks only: the business time left (ISO-8601 duration). */
  remaining: string | null;
  metAt: string | null;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Ticket {
  id: string;
  number: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: Priority;
  customer: PersonRef;
  assignee: PersonRef | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
  sla: TicketSla | null;
  /**
   * For staff: the customer's messages after this agent's read mark (chat). May be absent on older data:
   * treat as 0.
   */
  unread?: number;
  /** The problem snapshot the customer gave (issue 8); absent when empty. */
  intake?: Intake | null;
}

/** What the new-ticket form collects up front; every field optional. */
export interface Intake {
  module?: string | null;
  version?: string | null;
  environment?: string | null;
  steps?: string | null;
  faultType?: string | null;
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

/** Query of GET /api/tickets. Empty values are left out of the request. */
export interface TicketQuery {
  status?: TicketStatus | '';
  priority?: Priority | '';
  /** `me`, `none` or a user id; empty means everyone. */
  assignee?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
  /** `due`: time to breach ascending; number descending when absent. */
  sort?: TicketSort | '';
}

export type TicketSort = 'number' | 'due';

export interface NewTicket {
  subject: string;
  description: string;
  priority?: Priority;
  customerId?: string;
  tags?: string[];
  intake?: Intake;
}

export interface TicketPatch {
  status?: TicketStatus;
  priority?: Priority;
  /** A user id, or null to unassign. */
  assigneeId?: string | null;
  tags?: string[];
}

/** A durable or ephemeral event, as in the timeline and on STOMP topics. */
export interface TicketEvent {
  seq?: number;
  stream?: string;
  type: string;
  at: string;
  ticketId?: string;
  data?: unknown;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** A person as events name them (the actor of a change, the author of a message). */
export interface Actor {
  id: string;
  displayName: string;
  role?: Role;
}

/** A file uploaded to a ticket (POST /api/tickets/{id}/attachments), as messages list them. */
export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** Where the bytes are (`GET /api/attachments/{id}`, with the bearer token). */
  url?: string;
}

/** A chat message or an agents-only internal note. `seq` is the seq of its `message.created` event. */
export interface Message {
  id: string;
  ticketId: string;
  seq: number;
  author: Actor;
  body: string;
  internal: boolean;
  clientMessageId: string;
  createdAt: string;
  /** Absent on older data: no attachments. */
  attachments?: Attachment[];
}

/** Body of POST /api/tickets/{id}/messages and of STOMP SEND /app/tickets.{id}/messages. */
export interface NewMessage {
  body: string;
  clientMessageId: string;
  internal?: boolean;
  attachmentIds?: string[];
}

/** Someone's read mark on a ticket's chat: they have read up to this seq (GET /api/tickets/{id}/reads, `read` events). */
export interface ReadMark {
  user: Actor;
  seq: number;
}

export type AssistState = 'REQUESTED' | 'CONSENTED' | 'ACTIVE' | 'ENDED' | 'DECLINED' | 'EXPIRED' | 'REVOKED' | 'FAILED';
export type AssistScope = 'view' | 'pointer' | 'control';

export interface AssistSession {
  id: string;
  ticketId: string;
  agentId: string;
  customerId: string;
  state: AssistState;
  requestedScopes: AssistScope[];
  grantedScopes: AssistScope[];
  reason: string;
  createdAt: string;
  expiresAt: string;
}

/** GET /api/wallboard, and the data of `wallboard.updated` events. */
export interface WallboardSnapshot {
  at: string;
  openByPriority: Record<Priority, number>;
  unassigned: number;
  slaAtRisk: number;
  slaBreached: number;
  agents: { id: string; displayName: string; status: string; openAssigned: number }[];
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  csatAverage: number | null;
  fcrRate: number | null;
  activeAssistSessions: number;
}
