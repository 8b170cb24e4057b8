/**
 * The /signal protocol (shared/CONTRACT.md "Remote assistance" and the assist interface): JSON text
 * frames. Everything that comes off the socket goes through `parseServerMessage`, which returns a typed
 * message or null; nothing else in the browser trusts a frame's shape.
 */
import type { AssistScope } from '../api/types';

export type AssistRole = 'customer' | 'agent';
export type PointerMark = 'move' | 'click' | 'draw' | 'clear';
export type ControlAction = 'click' | 'scroll' | 'key' | 'input';

export const SCOPES: readonly AssistScope[] = ['view', 'pointer', 'control'];
export const POINTER_MARKS: readonly PointerMark[] = ['move', 'click', 'draw', 'clear'];
export const CONTROL_ACTIONS: readonly ControlAction[] = ['click', 'scroll', 'key', 'input'];

export const ERROR_CODES = [
  'bad-token',
  'token-used',
  'not-consented',
  'not-allowed',
  'scope-missing',
  'malformed',
  'too-large',
  'rate-limited',
] as const;
export type SignalErrorCode = (typeof ERROR_CODES)[number];

/** WebSocket close codes the server uses when it ends a session. */
export const CLOSE_REVOKED = 4000;
export const CLOSE_ENDED = 4001;
export const CLOSE_EXPIRED = 4002;

/** Longest text we send or accept in a `key` / `input` control (the server limits frames too). */
export const MAX_CONTROL_TEXT = 1000;
/** A pasted SDP is a few KiB; anything much larger is not ours. */
export const MAX_FRAME_CHARS = 64 * 1024;

export interface PointerMessage {
  type: 'pointer';
  /** 0..1 across the shared view, left to right. */
  x: number;
  /** 0..1 down the shared view, top to bottom. */
  y: number;
  mark: PointerMark;
}

/**
 * An agent's action inside the customer's portal page. `x`/`y` are 0..1 of the shared view; `dx`/`dy`
 * of a scroll are fractions of the view's width and height (-1..1), so they mean the same at any size.
 */
export interface ControlMessage {
  type: 'control';
  action: ControlAction;
  x?: number;
  y?: number;
  dx?: number;
  dy?: number;
  key?: string;
  text?: string;
}

export type ServerMessage =
  | { type: 'joined'; role: AssistRole; grantedScopes: AssistScope[]; peerPresent: boolean }
  | { type: 'peer-joined'; role: AssistRole | null }
  | { type: 'peer-left' }
  | { type: 'offer'; sdp: string }
  | { type: 'answer'; sdp: string }
  | { type: 'candidate'; candidate: RTCIceCandidateInit }
  | PointerMessage
  | ControlMessage
  | { type: 'scopes'; grantedScopes: AssistScope[] }
  | { type: 'revoked' }
  | { type: 'ended'; reason: string | null }
  | { type: 'bye' }
  | { type: 'error'; code: string; message: string };

export type ClientMessage =
  | { type: 'join'; token: string }
  | { type: 'offer'; sdp: string }
  | { type: 'answer'; sdp: string }
  | { type: 'candidate'; candidate: RTCIceCandidateInit }
  | PointerMessage
  | ControlMessage
  | { type: 'bye' };

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isUnit = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
const isDelta = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= -1 && value <= 1;
const isRole = (value: unknown): value is AssistRole => value === 'customer' || value === 'agent';
const shortText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_CONTROL_TEXT;

/** The known scopes of a list, in the canonical order, without repeats; null if it is not a list. */
export function parseScopes(value: unknown): AssistScope[] | null {
  if (!Array.isArray(value)) return null;
  return SCOPES.filter((scope) => value.includes(scope));
}

export function parsePointer(value: Loose): PointerMessage | null {
  const mark = value.mark ?? 'move';
  if (!POINTER_MARKS.includes(mark as PointerMark)) return null;
  if (mark === 'clear') return { type: 'pointer', x: isUnit(value.x) ? value.x : 0, y: isUnit(value.y) ? value.y : 0, mark };
  if (!isUnit(value.x) || !isUnit(value.y)) return null;
  return { type: 'pointer', x: value.x, y: value.y, mark: mark as PointerMark };
}

export function parseControl(value: Loose): ControlMessage | null {
  const action = value.action;
  if (!CONTROL_ACTIONS.includes(action as ControlAction)) return null;
  const message: ControlMessage = { type: 'control', action: action as ControlAction };
  const hasPoint = value.x !== undefined || value.y !== undefined;
  if (hasPoint) {
    if (!isUnit(value.x) || !isUnit(value.y)) return null;
    message.x = value.x;
    message.y = value.y;
  }
  switch (action) {
    case 'click':
      return hasPoint ? message : null;
    case 'scroll': {
      const dx = value.dx ?? 0;
      const dy = value.dy ?? 0;
      if (!isDelta(dx) || !isDelta(dy)) return null;
      message.dx = dx;
      message.dy = dy;
      return message;
    }
    case 'key':
      if (typeof value.key !== 'string' || value.key.length === 0 || value.key.length > 32) return null;
      message.key = value.key;
      return message;
    case 'input':
      if (!shortText(value.text)) return null;
      message.text = value.text;
      return message;
    default:
      return null;
  }
}

function parseCandidate(value: unknown): RTCIceCandidateInit | null {
  if (!isRecord(value)) return null;
  if (typeof value.candidate !== 'string') return null;
  const candidate: RTCIceCandidateInit = { candidate: value.candidate };
  if (typeof value.sdpMid === 'string' || value.sdpMid === null) candidate.sdpMid = value.sdpMid;
  if (typeof value.sdpMLineIndex === 'number' || value.sdpMLineIndex === null) candidate.sdpMLineIndex = value.sdpMLineIndex;
  if (typeof value.usernameFragment === 'string' || value.usernameFragment === null) candidate.usernameFragment = value.usernameFragment;
  return candidate;
}

/** One frame from the server as a typed message, or null when it is not valid JSON of a known shape. */
export function parseServerMessage(text: unknown): ServerMessage | null {
  if (typeof text !== 'string' || text.length > MAX_FRAME_CHARS) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  switch (value.type) {
    case 'joined': {
      const scopes = parseScopes(value.grantedScopes);
      if (!isRole(value.role) || !scopes) return null;
      return { type: 'joined', role: value.role, grantedScopes: scopes, peerPresent: value.peerPresent === true };
    }
    case 'peer-joined':
      return { type: 'peer-joined', role: isRole(value.role) ? value.role : null };
    case 'peer-left':
    case 'revoked':
    case 'bye':
      return { type: value.type };
    case 'offer':
    case 'answer':
      return typeof value.sdp === 'string' && value.sdp.length > 0 ? { type: value.type, sdp: value.sdp } : null;
    case 'candidate': {
      const candidate = parseCandidate(value.candidate);
      return candidate ? { type: 'candidate', candidate } : null;
    }
    case 'pointer':
      return parsePointer(value);
    case 'control':
      return parseControl(value);
    case 'scopes': {
      const scopes = parseScopes(value.grantedScopes);
      return scopes ? { type: 'scopes', grantedScopes: scopes } : null;
    }
    case 'ended':
      return { type: 'ended', reason: typeof value.reason === 'string' ? value.reason : null };
    case 'error':
      return {
        type: 'error',
        code: typeof value.code === 'string' ? value.code : 'unknown',
        message: typeof value.message === 'string' ? value.message : '',
      };
    default:
      return null;
  }
}

/** The frame for a message we send. */
export function encodeMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}

/** What a close of the signaling socket means for the session. */
export type CloseMeaning = 'revoked' | 'ended' | 'expired' | 'lost';

export function closeMeaning(code: number): CloseMeaning {
  switch (code) {
    case CLOSE_REVOKED:
      return 'revoked';
    case CLOSE_ENDED:
      return 'ended';
    case CLOSE_EXPIRED:
      return 'expired';
    default:
      return 'lost';
  }
}

/**
 * The WebSocket URL to use for a join answer's `signalingUrl`: absolute ws(s) URLs as given, http(s)
 * ones switched to ws(s), and paths resolved against the page (wss on an https page).
 */
export function signalingSocketUrl(signalingUrl: string | undefined | null, page: { protocol: string; host: string }): string {
  const given = signalingUrl && signalingUrl.trim() ? signalingUrl.trim() : '/signal';
  if (/^wss?:\/\//i.test(given)) return given;
  if (/^https?:\/\//i.test(given)) return given.replace(/^http/i, 'ws');
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}${given.startsWith('/') ? '' : '/'}${given}`;
}

/** The `iceServers` of a join answer, keeping only well-formed entries. */
export function parseIceServers(value: unknown): RTCIceServer[] {
  if (!Array.isArray(value)) return [];
  const servers: RTCIceServer[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const urls = typeof entry.urls === 'string' ? entry.urls : Array.isArray(entry.urls) ? entry.urls.filter((url): url is string => typeof url === 'string') : null;
    if (!urls || urls.length === 0) continue;
    const server: RTCIceServer = { urls };
    if (typeof entry.username === 'string') server.username = entry.username;
    if (typeof entry.credential === 'string') server.credential = entry.credential;
    servers.push(server);
  }
  return servers;
}

/** The answer of POST /api/assist-sessions/{id}/join. */
export interface JoinAnswer {
  signalingUrl: string;
  token: string;
  role: AssistRole;
  grantedScopes: AssistScope[];
  iceServers: RTCIceServer[];
  expiresAt: string | null;
}

/** A join answer with its parts checked; null when the token or role is missing. */
export function parseJoinAnswer(value: unknown): JoinAnswer | null {
  if (!isRecord(value) || typeof value.token !== 'string' || !value.token || !isRole(value.role)) return null;
  return {
    signalingUrl: typeof value.signalingUrl === 'string' ? value.signalingUrl : '/signal',
    token: value.token,
    role: value.role,
    grantedScopes: parseScopes(value.grantedScopes) ?? [],
    iceServers: parseIceServers(value.iceServers),
    expiresAt: typeof value.expiresAt === 'string' ? value.expiresAt : null,
  };
}
