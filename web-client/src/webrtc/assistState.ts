/**
 * Pure state of remote assistance in the browser: which session a ticket has (from REST and the
 * `assist.*` events, each carrying the whole AssistSession), and how one participant's live link is
 * doing (signaling + peer connection), as a reducer.
 */
import type { AssistScope, AssistSession, AssistState } from '../api/types';
import { closeMeaning, type AssistRole, type CloseMeaning, type ServerMessage } from './protocol';

export const LIVE_STATES: ReadonlySet<AssistState> = new Set(['REQUESTED', 'CONSENTED', 'ACTIVE']);
export const ASSIST_STATES: readonly AssistState[] = ['REQUESTED', 'CONSENTED', 'ACTIVE', 'ENDED', 'DECLINED', 'EXPIRED', 'REVOKED', 'FAILED'];

/** An AssistSession with the extensions of the assist interface (names, ticket number, end). */
export interface AssistSessionView extends AssistSession {
  agentName?: string;
  customerName?: string;
  ticketNumber?: number;
  /** When the customer's portal reported the consent dialog on screen. */
  shownAt?: string | null;
  consentedAt?: string | null;
  endedAt?: string | null;
  endedBy?: { id: string; displayName: string; role?: string } | null;
  endReason?: string | null;
}

const STATE_RANK: Record<AssistState, number> = {
  REQUESTED: 0,
  CONSENTED: 1,
  ACTIVE: 2,
  ENDED: 3,
  DECLINED: 3,
  EXPIRED: 3,
  REVOKED: 3,
  FAILED: 3,
};

export const isLiveSession = (session: { state: AssistState } | null | undefined): boolean => !!session && LIVE_STATES.has(session.state);

/** A session from an event's data or a REST answer, or null when it does not look like one. */
export function asAssistSession(value: unknown): AssistSessionView | null {
  if (typeof value !== 'object' || value === null) return null;
  const session = value as Partial<AssistSessionView>;
  if (typeof session.id !== 'string' || typeof session.ticketId !== 'string') return null;
  if (!ASSIST_STATES.includes(session.state as AssistState)) return null;
  return {
    ...(session as AssistSessionView),
    requestedScopes: Array.isArray(session.requestedScopes) ? session.requestedScopes : [],
    grantedScopes: Array.isArray(session.grantedScopes) ? session.grantedScopes : [],
    reason: typeof session.reason === 'string' ? session.reason : '',
  };
}

/**
 * The list with `incoming` merged in, newest first. A known session is replaced unless that would move
 * it back (an older event arriving late: a finished session never becomes live again; within the live
 * states only forward). Returns the same list when nothing changes.
 */
export function mergeSession(list: readonly AssistSessionView[], incoming: AssistSessionView): AssistSessionView[] {
  const index = list.findIndex((session) => session.id === incoming.id);
  if (index < 0) {
    return [incoming, ...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }
  const current = list[index]!;
  const currentRank = STATE_RANK[current.state];
  const incomingRank = STATE_RANK[incoming.state];
  if (incomingRank < currentRank) return list as AssistSessionView[];
  if (currentRank === 3 && incoming.state !== current.state) return list as AssistSessionView[];
  const next = [...list];
  next[index] = { ...current, ...incoming };
  return next;
}

/** The live session of a ticket (there is at most one), else null. */
export function liveSessionOf(list: readonly AssistSessionView[]): AssistSessionView | null {
  return list.find(isLiveSession) ?? null;
}

/** Milliseconds left until `expiresAt`, never below 0; `skewMs` is server time minus local time. */
export function msLeft(expiresAt: string | null | undefined, now: number, skewMs = 0): number {
  if (!expiresAt) return 0;
  const at = Date.parse(expiresAt);
  return Number.isFinite(at) ? Math.max(0, at - (now + skewMs)) : 0;
}

export type LinkPhase = 'idle' | 'joining' | 'waiting' | 'connecting' | 'live' | 'closed';
export type ClosedBy = CloseMeaning | 'left' | 'failed';

export interface LinkState {
  phase: LinkPhase;
  role: AssistRole | null;
  grantedScopes: AssistScope[];
  /** The other participant is connected to signaling. */
  peerPresent: boolean;
  /** Frames are flowing (agent: decoded on screen; customer: the peer connection is connected). */
  media: boolean;
  closedBy: ClosedBy | null;
  endReason: string | null;
  /** The last error the server or the browser reported (an error code or a short text). */
  error: string | null;
}

export type LinkAction =
  | { type: 'join-started' }
  | { type: 'signal'; message: ServerMessage }
  | { type: 'media'; flowing: boolean }
  | { type: 'peer-state'; state: RTCPeerConnectionState }
  | { type: 'closed'; code: number }
  | { type: 'left' }
  | { type: 'failed'; error: string };

export const INITIAL_LINK: LinkState = {
  phase: 'idle',
  role: null,
  grantedScopes: [],
  peerPresent: false,
  media: false,
  closedBy: null,
  endReason: null,
  error: null,
};

/** Server errors after which the socket is closed: the link is over. */
const FATAL_ERRORS = new Set(['bad-token', 'token-used', 'not-consented', 'malformed', 'too-large']);

const close = (state: LinkState, closedBy: ClosedBy, extra: Partial<LinkState> = {}): LinkState => ({
  ...state,
  phase: 'closed',
  media: false,
  peerPresent: false,
  closedBy,
  ...extra,
});

export function linkReducer(state: LinkState, action: LinkAction): LinkState {
  if (action.type === 'join-started') return { ...INITIAL_LINK, phase: 'joining' };
  // closed is final: a late frame or close code does not bring it back or change why it ended
  if (state.phase === 'closed') return state;
  switch (action.type) {
    case 'signal':
      return onSignal(state, action.message);
    case 'media':
      if (action.flowing) return { ...state, media: true, phase: 'live' };
      return { ...state, media: false, phase: state.phase === 'live' ? 'connecting' : state.phase };
    case 'peer-state':
      if (action.state === 'failed') return { ...state, media: false, error: 'ice-failed', phase: state.peerPresent ? 'connecting' : 'waiting' };
      return state;
    case 'closed':
      return close(state, closeMeaning(action.code));
    case 'left':
      return close(state, 'left');
    case 'failed':
      return close(state, 'failed', { error: action.error });
    default:
      return state;
  }
}

function onSignal(state: LinkState, message: ServerMessage): LinkState {
  switch (message.type) {
    case 'joined':
      return {
        ...state,
        role: message.role,
        grantedScopes: message.grantedScopes,
        peerPresent: message.peerPresent,
        phase: message.peerPresent ? 'connecting' : 'waiting',
        error: null,
      };
    case 'peer-joined':
      return { ...state, peerPresent: true, phase: state.phase === 'live' ? 'live' : 'connecting' };
    case 'peer-left':
      return { ...state, peerPresent: false, media: false, phase: 'waiting' };
    case 'scopes':
      return { ...state, grantedScopes: message.grantedScopes };
    case 'revoked':
      return close(state, 'revoked');
    case 'ended':
      // the server ends an expired consent as `ended` with reason `expired` (close code 4002)
      return close(state, message.reason === 'expired' ? 'expired' : 'ended', { endReason: message.reason });
    case 'error':
      return FATAL_ERRORS.has(message.code) ? close(state, 'failed', { error: message.code }) : { ...state, error: message.code };
    default:
      return state;
  }
}

export const hasScope = (state: { grantedScopes: readonly AssistScope[] }, scope: AssistScope): boolean => state.grantedScopes.includes(scope);
