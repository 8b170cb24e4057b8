import { describe, expect, it } from 'vitest';
import {
  closeMeaning,
  encodeMessage,
  parseIceServers,
  parseJoinAnswer,
  parseServerMessage,
  signalingSocketUrl,
} from './protocol';

const parse = (value: unknown) => parseServerMessage(JSON.stringify(value));

describe('parseServerMessage', () => {
  it('reads joined with scopes in canonical order and unknown scopes dropped', () => {
    expect(parse({ type: 'joined', role: 'agent', grantedScopes: ['pointer', 'root', 'view'], peerPresent: true })).toEqual({
      type: 'joined',
      role: 'agent',
      grantedScopes: ['view', 'pointer'],
      peerPresent: true,
    });
    expect(parse({ type: 'joined', role: 'agent', grantedScopes: ['view'] })).toMatchObject({ peerPresent: false });
    expect(parse({ type: 'joined', role: 'admin', grantedScopes: ['view'] })).toBeNull();
    expect(parse({ type: 'joined', role: 'agent', grantedScopes: 'view' })).toBeNull();
  });

  it('reads offers, answers and candidates, refusing empty or odd ones', () => {
    expect(parse({ type: 'offer', sdp: 'v=0' })).toEqual({ type: 'offer', sdp: 'v=0' });
    expect(parse({ type: 'answer', sdp: '' })).toBeNull();
    expect(parse({ type: 'offer' })).toBeNull();
    expect(parse({ type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0, evil: 1 } })).toEqual({
      type: 'candidate',
      candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 },
    });
    expect(parse({ type: 'candidate', candidate: 'x' })).toBeNull();
  });

  it('reads pointer marks only inside the unit square; move is the default mark', () => {
    expect(parse({ type: 'pointer', x: 0.25, y: 1 })).toEqual({ type: 'pointer', x: 0.25, y: 1, mark: 'move' });
    expect(parse({ type: 'pointer', x: 0.5, y: 0.5, mark: 'draw' })).toMatchObject({ mark: 'draw' });
    expect(parse({ type: 'pointer', mark: 'clear' })).toEqual({ type: 'pointer', x: 0, y: 0, mark: 'clear' });
    expect(parse({ type: 'pointer', x: 1.2, y: 0.5 })).toBeNull();
    expect(parse({ type: 'pointer', x: '0.5', y: 0.5 })).toBeNull();
    expect(parse({ type: 'pointer', x: 0.5, y: 0.5, mark: 'scribble' })).toBeNull();
    expect(parseServerMessage('{"type":"pointer","x":NaN,"y":0}')).toBeNull();
  });

  it('reads control actions with the fields each needs', () => {
    expect(parse({ type: 'control', action: 'click', x: 0.1, y: 0.2 })).toEqual({ type: 'control', action: 'click', x: 0.1, y: 0.2 });
    expect(parse({ type: 'control', action: 'click' })).toBeNull();
    expect(parse({ type: 'control', action: 'scroll', dy: -0.5 })).toEqual({ type: 'control', action: 'scroll', dx: 0, dy: -0.5 });
    expect(parse({ type: 'control', action: 'scroll', dy: 3 })).toBeNull();
    expect(parse({ type: 'control', action: 'key', key: 'a' })).toEqual({ type: 'control', action: 'key', key: 'a' });
    expect(parse({ type: 'control', action: 'key', key: '' })).toBeNull();
    expect(parse({ type: 'control', action: 'input', text: 'hello', x: 0.5, y: 0.5 })).toMatchObject({ text: 'hello' });
    expect(parse({ type: 'control', action: 'input', text: 'x'.repeat(1001) })).toBeNull();
    expect(parse({ type: 'control', action: 'drag', x: 0, y: 0 })).toBeNull();
  });

  it('reads the end of a session and errors', () => {
    expect(parse({ type: 'revoked' })).toEqual({ type: 'revoked' });
    expect(parse({ type: 'ended', reason: 'ticket-closed' })).toEqual({ type: 'ended', reason: 'ticket-closed' });
    expect(parse({ type: 'ended' })).toEqual({ type: 'ended', reason: null });
    expect(parse({ type: 'scopes', grantedScopes: ['view'] })).toEqual({ type: 'scopes', grantedScopes: ['view'] });
    expect(parse({ type: 'error', code: 'scope-missing', message: 'no pointer' })).toEqual({ type: 'error', code: 'scope-missing', message: 'no pointer' });
    expect(parse({ type: 'peer-joined', role: 'customer' })).toEqual({ type: 'peer-joined', role: 'customer' });
  });

  it('refuses what is not a known JSON object', () => {
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('[1,2]')).toBeNull();
    expect(parseServerMessage('{"type":"shell"}')).toBeNull();
    expect(parseServerMessage(42)).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'offer', sdp: 'x'.repeat(70_000) }))).toBeNull();
  });
});

describe('the rest of the protocol', () => {
  it('encodes messages as JSON', () => {
    expect(JSON.parse(encodeMessage({ type: 'join', token: 't1' }))).toEqual({ type: 'join', token: 't1' });
  });

  it('maps close codes', () => {
    expect([4000, 4001, 4002, 1006, 1000].map(closeMeaning)).toEqual(['revoked', 'ended', 'expired', 'lost', 'lost']);
  });

  it('turns the join answer signaling URL into a WebSocket URL', () => {
    const http = { protocol: 'http:', host: 'localhost:8080' };
    const https = { protocol: 'https:', host: 'help.example' };
    expect(signalingSocketUrl('/signal', http)).toBe('ws://localhost:8080/signal');
    expect(signalingSocketUrl('/signal', https)).toBe('wss://help.example/signal');
    expect(signalingSocketUrl('signal', https)).toBe('wss://help.example/signal');
    expect(signalingSocketUrl(undefined, http)).toBe('ws://localhost:8080/signal');
    expect(signalingSocketUrl('https://sig.example/signal', http)).toBe('wss://sig.example/signal');
    expect(signalingSocketUrl('ws://node2:9000/signal', https)).toBe('ws://node2:9000/signal');
  });

  it('keeps well-formed ICE servers only', () => {
    expect(
      parseIceServers([
        { urls: 'stun:stun.example:3478' },
        { urls: ['turn:turn.example:3478?transport=udp', 7], username: '1700000000:u1', credential: 'abc=' },
        { urls: [] },
        { username: 'x' },
        'stun:x',
      ]),
    ).toEqual([
      { urls: 'stun:stun.example:3478' },
      { urls: ['turn:turn.example:3478?transport=udp'], username: '1700000000:u1', credential: 'abc=' },
    ]);
    expect(parseIceServers(null)).toEqual([]);
  });

  it('parses a join answer', () => {
    expect(parseJoinAnswer({ token: 'tok', role: 'customer', grantedScopes: ['view', 'control'], iceServers: [{ urls: 'stun:s' }], expiresAt: 'z' })).toEqual({
      signalingUrl: '/signal',
      token: 'tok',
      role: 'customer',
      grantedScopes: ['view', 'control'],
      iceServers: [{ urls: 'stun:s' }],
      expiresAt: 'z',
    });
    expect(parseJoinAnswer({ role: 'customer' })).toBeNull();
    expect(parseJoinAnswer({ token: 't', role: 'boss' })).toBeNull();
  });
});
