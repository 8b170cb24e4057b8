import { describe, expect, it, vi } from 'vitest';
import type { LinkState } from './assistState';
import { AgentView } from './agentView';
import { CustomerShare } from './customerShare';
import type { JoinAnswer } from './protocol';
import type { SocketLike } from './signaling';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(message: object) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  types() {
    return this.sent.map((message) => message.type);
  }
}

/** Just enough of RTCPeerConnection for the links' logic. */
class FakePeer {
  signalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'new';
  remoteDescription: RTCSessionDescriptionInit | null = null;
  localDescription: RTCSessionDescriptionInit | null = null;
  tracks: MediaStreamTrack[] = [];
  candidates: RTCIceCandidateInit[] = [];
  closed = false;
  onicecandidate: ((event: { candidate: { candidate: string; toJSON(): object } | null }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  ontrack: ((event: { streams: MediaStream[]; track: MediaStreamTrack }) => void) | null = null;
  addTrack(track: MediaStreamTrack) {
    this.tracks.push(track);
  }
  async createOffer() {
    return { type: 'offer' as const, sdp: 'offer-sdp' };
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: 'answer-sdp' };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(candidate: RTCIceCandidateInit) {
    this.candidates.push(candidate);
  }
  close() {
    this.closed = true;
    this.signalingState = 'closed';
  }
}

function fakeTrack() {
  const listeners = new Map<string, () => void>();
  return {
    stopped: false,
    contentHint: '',
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => listeners.delete(type),
    stop() {
      this.stopped = true;
    },
    getSettings: () => ({ displaySurface: 'browser' }),
    fire: (type: string) => listeners.get(type)?.(),
  };
}

const join = (role: 'customer' | 'agent', scopes = ['view', 'pointer']): JoinAnswer => ({
  signalingUrl: '/signal',
  token: `tok-${role}`,
  role,
  grantedScopes: scopes as JoinAnswer['grantedScopes'],
  iceServers: [{ urls: 'stun:stun.example' }],
  expiresAt: null,
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function customer(scopes?: string[]) {
  const socket = new FakeSocket();
  const peers: FakePeer[] = [];
  const configs: RTCConfiguration[] = [];
  const track = fakeTrack();
  const stream = { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
  const states: LinkState[] = [];
  const onPointer = vi.fn();
  const onControl = vi.fn();
  const onSourceEnded = vi.fn();
  const link = new CustomerShare({
    join: join('customer', scopes),
    socketUrl: 'ws://x/signal',
    stream,
    onState: (state) => states.push(state),
    onPointer,
    onControl,
    onSourceEnded,
    createSocket: () => socket,
    createPeer: (config) => {
      configs.push(config);
      const peer = new FakePeer();
      peers.push(peer);
      return peer as unknown as RTCPeerConnection;
    },
  });
  link.start();
  socket.open();
  return { link, socket, peers, configs, track, states, onPointer, onControl, onSourceEnded };
}

describe('CustomerShare', () => {
  it('offers the screen once the agent is there, with the join answer ICE servers, and takes the answer', async () => {
    const { socket, peers, configs, link } = customer();
    expect(socket.sent[0]).toEqual({ type: 'join', token: 'tok-customer' });
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view', 'pointer'], peerPresent: false });
    await flush();
    expect(peers).toHaveLength(0);
    expect(link.state.phase).toBe('waiting');
    // a candidate before the answer waits for it
    socket.receive({ type: 'peer-joined', role: 'agent' });
    await flush();
    expect(configs[0]).toEqual({ iceServers: [{ urls: 'stun:stun.example' }] });
    expect(peers[0]!.tracks).toHaveLength(1);
    expect(socket.sent.at(-1)).toEqual({ type: 'offer', sdp: 'offer-sdp' });
    socket.receive({ type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.2 9 typ host', sdpMid: '0' } });
    await flush();
    expect(peers[0]!.candidates).toHaveLength(0);
    socket.receive({ type: 'answer', sdp: 'answer-sdp' });
    await flush();
    expect(peers[0]!.remoteDescription).toEqual({ type: 'answer', sdp: 'answer-sdp' });
    expect(peers[0]!.candidates).toHaveLength(1);
  });

  it('sends its own candidates but not the empty end-of-candidates marker', async () => {
    const { socket, peers } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view'], peerPresent: true });
    await flush();
    peers[0]!.onicecandidate?.({ candidate: { candidate: 'candidate:2', toJSON: () => ({ candidate: 'candidate:2', sdpMid: '0' }) } });
    peers[0]!.onicecandidate?.({ candidate: { candidate: '', toJSON: () => ({ candidate: '' }) } });
    peers[0]!.onicecandidate?.({ candidate: null });
    expect(socket.sent.filter((message) => message.type === 'candidate')).toEqual([{ type: 'candidate', candidate: { candidate: 'candidate:2', sdpMid: '0' } }]);
  });

  it('offers again on a fresh connection when the agent comes back', async () => {
    const { socket, peers } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view'], peerPresent: true });
    await flush();
    socket.receive({ type: 'peer-left' });
    expect(peers[0]!.closed).toBe(true);
    socket.receive({ type: 'peer-joined', role: 'agent' });
    await flush();
    expect(peers).toHaveLength(2);
    expect(socket.types().filter((type) => type === 'offer')).toHaveLength(2);
  });

  it('offers once when both join at the same moment (joined with the peer present, then peer-joined)', async () => {
    const { socket, peers } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view'], peerPresent: true });
    socket.receive({ type: 'peer-joined', role: 'agent' });
    await flush();
    expect(peers).toHaveLength(1);
    expect(socket.types().filter((type) => type === 'offer')).toHaveLength(1);
  });

  it('offers again on a fresh connection when the connection fails', async () => {
    const { socket, peers } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view'], peerPresent: true });
    await flush();
    peers[0]!.connectionState = 'failed';
    peers[0]!.onconnectionstatechange?.();
    await flush();
    expect(peers).toHaveLength(2);
    expect(peers[0]!.closed).toBe(true);
  });

  it('passes on pointer marks only with the pointer scope, and control only with control', async () => {
    const { socket, onPointer, onControl } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view', 'pointer'], peerPresent: false });
    socket.receive({ type: 'pointer', x: 0.5, y: 0.5, mark: 'click' });
    socket.receive({ type: 'control', action: 'click', x: 0.5, y: 0.5 });
    expect(onPointer).toHaveBeenCalledTimes(1);
    expect(onControl).not.toHaveBeenCalled();
    socket.receive({ type: 'scopes', grantedScopes: ['view'] });
    socket.receive({ type: 'pointer', x: 0.5, y: 0.5, mark: 'click' });
    expect(onPointer).toHaveBeenCalledTimes(1);
  });

  it('stops the capture and closes everything at once on revoke', async () => {
    const { socket, peers, track, link } = customer();
    socket.receive({ type: 'joined', role: 'customer', grantedScopes: ['view'], peerPresent: true });
    await flush();
    socket.receive({ type: 'revoked' });
    expect(track.stopped).toBe(true);
    expect(peers[0]!.closed).toBe(true);
    expect(socket.readyState).toBe(3);
    expect(link.state).toMatchObject({ phase: 'closed', closedBy: 'revoked' });
  });

  it('reports the browser\'s own "Stop sharing"', () => {
    const { track, onSourceEnded } = customer();
    track.fire('ended');
    expect(onSourceEnded).toHaveBeenCalledTimes(1);
  });
});

describe('AgentView', () => {
  function agent(scopes?: string[]) {
    const socket = new FakeSocket();
    const peers: FakePeer[] = [];
    const streams: (MediaStream | null)[] = [];
    const link = new AgentView({
      join: join('agent', scopes),
      socketUrl: 'ws://x/signal',
      onState: () => undefined,
      onStream: (stream) => streams.push(stream),
      createSocket: () => socket,
      createPeer: () => {
        const peer = new FakePeer();
        peers.push(peer);
        return peer as unknown as RTCPeerConnection;
      },
    });
    link.start();
    socket.open();
    socket.receive({ type: 'joined', role: 'agent', grantedScopes: scopes ?? ['view', 'pointer'], peerPresent: true });
    return { link, socket, peers, streams };
  }

  it('answers an offer and shows the incoming stream', async () => {
    const { socket, peers, streams } = agent();
    socket.receive({ type: 'offer', sdp: 'offer-sdp' });
    await flush();
    expect(peers[0]!.remoteDescription).toEqual({ type: 'offer', sdp: 'offer-sdp' });
    expect(socket.sent.at(-1)).toEqual({ type: 'answer', sdp: 'answer-sdp' });
    const stream = {} as MediaStream;
    peers[0]!.ontrack?.({ streams: [stream], track: {} as MediaStreamTrack });
    expect(streams.at(-1)).toBe(stream);
  });

  it('never offers, and sends pointer and control only within its scopes', () => {
    const { link, socket } = agent(['view', 'pointer']);
    expect(socket.types()).not.toContain('offer');
    expect(link.sendPointer(1.4, -0.2, 'move')).toBe(true);
    expect(socket.sent.at(-1)).toEqual({ type: 'pointer', x: 1, y: 0, mark: 'move' });
    expect(link.sendControl({ action: 'click', x: 0.5, y: 0.5 })).toBe(false);
    socket.receive({ type: 'scopes', grantedScopes: ['view'] });
    expect(link.sendPointer(0.5, 0.5, 'move')).toBe(false);
  });

  it('drops the picture when the session ends', async () => {
    const { socket, peers, streams, link } = agent();
    socket.receive({ type: 'offer', sdp: 'offer-sdp' });
    await flush();
    socket.receive({ type: 'ended', reason: 'ended' });
    expect(peers[0]!.closed).toBe(true);
    expect(streams.at(-1)).toBeNull();
    expect(link.state).toMatchObject({ phase: 'closed', closedBy: 'ended' });
  });
});
