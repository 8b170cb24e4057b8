import { describe, expect, it } from 'vitest';
import type { AssistSession } from '../api/types';
import {
  INITIAL_LINK,
  asAssistSession,
  liveSessionOf,
  linkReducer,
  mergeSession,
  msLeft,
  type LinkAction,
  type LinkState,
} from './assistState';

const session = (overrides: Partial<AssistSession> = {}): AssistSession => ({
  id: 's1',
  ticketId: 't1',
  agentId: 'u-alice',
  customerId: 'u-carol',
  state: 'REQUESTED',
  requestedScopes: ['view', 'pointer'],
  grantedScopes: [],
  reason: 'See the error',
  createdAt: '2026-01-01T10:00:00Z',
  expiresAt: '2026-01-01T10:01:00Z',
  ...overrides,
});

const run = (...actions: LinkAction[]): LinkState => actions.reduce(linkReducer, INITIAL_LINK);
const signal = (message: object): LinkAction => ({ type: 'signal', message: message as never });

describe('sessions of a ticket', () => {
  it('takes a session from event data and refuses other shapes', () => {
    expect(asAssistSession(session())?.id).toBe('s1');
    expect(asAssistSession({ ...session(), state: 'PAUSED' })).toBeNull();
    expect(asAssistSession({ id: 's1' })).toBeNull();
    expect(asAssistSession(null)).toBeNull();
    expect(asAssistSession({ ...session(), grantedScopes: undefined })?.grantedScopes).toEqual([]);
  });

  it('merges newest first and moves a session forward only', () => {
    const older = session({ id: 's0', state: 'DECLINED', createdAt: '2026-01-01T09:00:00Z' });
    let list = mergeSession([older], session());
    expect(list.map((entry) => entry.id)).toEqual(['s1', 's0']);
    list = mergeSession(list, session({ state: 'CONSENTED', grantedScopes: ['view'] }));
    expect(list[0]).toMatchObject({ state: 'CONSENTED', grantedScopes: ['view'] });
    // a late REQUESTED event does not move it back
    expect(mergeSession(list, session())).toBe(list);
    list = mergeSession(list, session({ state: 'ACTIVE', grantedScopes: ['view'] }));
    list = mergeSession(list, session({ state: 'REVOKED', grantedScopes: ['view'] }));
    expect(list[0]?.state).toBe('REVOKED');
    // a finished session stays finished
    expect(mergeSession(list, session({ state: 'ENDED' }))).toBe(list);
    expect(mergeSession(list, session({ state: 'ACTIVE' }))).toBe(list);
    // the same final state again may add fields (e.g. endReason)
    expect(mergeSession(list, { ...session({ state: 'REVOKED' }), endReason: 'customer' })[0]?.endReason).toBe('customer');
  });

  it('finds the live session', () => {
    expect(liveSessionOf([session({ id: 'a', state: 'ENDED' }), session({ id: 'b', state: 'ACTIVE' })])?.id).toBe('b');
    expect(liveSessionOf([session({ state: 'EXPIRED' })])).toBeNull();
  });

  it('counts down to expiresAt with the server clock skew', () => {
    const now = Date.parse('2026-01-01T10:00:30Z');
    expect(msLeft('2026-01-01T10:01:00Z', now)).toBe(30_000);
    expect(msLeft('2026-01-01T10:01:00Z', now, 5_000)).toBe(25_000);
    expect(msLeft('2026-01-01T10:00:00Z', now)).toBe(0);
    expect(msLeft(null, now)).toBe(0);
    expect(msLeft('garbage', now)).toBe(0);
  });
});

describe('linkReducer', () => {
  it('goes joining, waiting, connecting, live', () => {
    expect(run({ type: 'join-started' }).phase).toBe('joining');
    const waiting = run({ type: 'join-started' }, signal({ type: 'joined', role: 'customer', grantedScopes: ['view', 'pointer'], peerPresent: false }));
    expect(waiting).toMatchObject({ phase: 'waiting', role: 'customer', grantedScopes: ['view', 'pointer'], peerPresent: false });
    const connecting = linkReducer(waiting, signal({ type: 'peer-joined', role: 'agent' }));
    expect(connecting).toMatchObject({ phase: 'connecting', peerPresent: true });
    const live = linkReducer(connecting, { type: 'media', flowing: true });
    expect(live).toMatchObject({ phase: 'live', media: true });
    expect(linkReducer(live, { type: 'media', flowing: false })).toMatchObject({ phase: 'connecting', media: false });
  });

  it('goes straight to connecting when the peer is there at join', () => {
    expect(run(signal({ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true })).phase).toBe('connecting');
  });

  it('waits again when the peer leaves', () => {
    const state = run(signal({ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true }), { type: 'media', flowing: true }, signal({ type: 'peer-left' }));
    expect(state).toMatchObject({ phase: 'waiting', peerPresent: false, media: false });
  });

  it('narrows scopes', () => {
    const state = run(signal({ type: 'joined', role: 'agent', grantedScopes: ['view', 'pointer', 'control'], peerPresent: true }), signal({ type: 'scopes', grantedScopes: ['view'] }));
    expect(state.grantedScopes).toEqual(['view']);
  });

  it('closes for good on revoke, end, close codes, fatal errors, and leaving', () => {
    const joined = signal({ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true });
    expect(run(joined, signal({ type: 'revoked' }))).toMatchObject({ phase: 'closed', closedBy: 'revoked', media: false });
    expect(run(joined, signal({ type: 'ended', reason: 'reassigned' }))).toMatchObject({ closedBy: 'ended', endReason: 'reassigned' });
    expect(run(joined, { type: 'closed', code: 4002 })).toMatchObject({ closedBy: 'expired' });
    expect(run(joined, signal({ type: 'ended', reason: 'expired' }))).toMatchObject({ closedBy: 'expired', endReason: 'expired' });
    expect(run(joined, { type: 'closed', code: 1006 })).toMatchObject({ closedBy: 'lost' });
    expect(run(joined, signal({ type: 'error', code: 'token-used', message: '' }))).toMatchObject({ closedBy: 'failed', error: 'token-used' });
    expect(run(joined, { type: 'left' })).toMatchObject({ closedBy: 'left' });
    // the first reason stays: the server's close after "revoked" does not turn it into "lost"
    const revoked = run(joined, signal({ type: 'revoked' }));
    expect(linkReducer(revoked, { type: 'closed', code: 1000 })).toBe(revoked);
    expect(linkReducer(revoked, { type: 'media', flowing: true })).toBe(revoked);
  });

  it('keeps going after an error that only drops a message', () => {
    const state = run(signal({ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true }), signal({ type: 'error', code: 'scope-missing', message: '' }));
    expect(state).toMatchObject({ phase: 'connecting', error: 'scope-missing' });
  });

  it('starts over on a new join', () => {
    const closed = run({ type: 'left' });
    expect(linkReducer(closed, { type: 'join-started' })).toMatchObject({ phase: 'joining', closedBy: null });
  });
});
