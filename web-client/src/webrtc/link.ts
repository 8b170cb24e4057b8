import { INITIAL_LINK, linkReducer, type LinkAction, type LinkState } from './assistState';
import type { ClientMessage, JoinAnswer, ServerMessage } from './protocol';
import { SignalingClient, type SocketFactory } from './signaling';

export type PeerFactory = (config: RTCConfiguration) => RTCPeerConnection;

export interface LinkOptions {
  join: JoinAnswer;
  /** The WebSocket URL (signalingSocketUrl of the join answer). */
  socketUrl: string;
  onState: (state: LinkState) => void;
  createSocket?: SocketFactory | undefined;
  createPeer?: PeerFactory | undefined;
}

/**
 * What both participants' links share: the signaling client, the state (linkReducer), one peer
 * connection at a time, and ICE candidates that wait for the remote description. Once the state is
 * closed (revoked, ended, expired, lost, failed, left) everything is torn down at once.
 */
export abstract class AssistLink {
  protected signal: SignalingClient | null = null;
  protected pc: RTCPeerConnection | null = null;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private current: LinkState = INITIAL_LINK;
  private readonly createPeer: PeerFactory;

  protected constructor(protected readonly options: LinkOptions) {
    this.createPeer = options.createPeer ?? ((config) => new RTCPeerConnection(config));
  }

  get state(): LinkState {
    return this.current;
  }

  /** The current peer connection (for getStats), if any. */
  get peer(): RTCPeerConnection | null {
    return this.pc;
  }

  start(): void {
    if (this.signal) return;
    this.dispatch({ type: 'join-started' });
    this.signal = new SignalingClient(
      this.options.socketUrl,
      this.options.join.token,
      {
        onMessage: (message) => this.receive(message),
        onClose: (code) => this.dispatch({ type: 'closed', code }),
      },
      this.options.createSocket,
    );
  }

  /** We leave: says bye, closes everything. */
  stop(): void {
    this.dispatch({ type: 'left' });
  }

  protected send(message: ClientMessage): boolean {
    return this.signal?.send(message) ?? false;
  }

  protected dispatch(action: LinkAction): void {
    const next = linkReducer(this.current, action);
    if (next === this.current) return;
    const wasClosed = this.current.phase === 'closed';
    this.current = next;
    if (next.phase === 'closed' && !wasClosed) this.teardown();
    this.options.onState(next);
  }

  private receive(message: ServerMessage): void {
    this.dispatch({ type: 'signal', message });
    if (this.current.phase === 'closed') return;
    switch (message.type) {
      case 'candidate':
        void this.addCandidate(message.candidate);
        break;
      case 'peer-left':
        this.closePeer();
        break;
      default:
        this.onMessage(message);
    }
  }

  /** Messages other than candidates and peer-left, after the state took them in. */
  protected abstract onMessage(message: ServerMessage): void;

  protected newPeer(): RTCPeerConnection {
    this.closePeer();
    const pc = this.createPeer({ iceServers: this.options.join.iceServers });
    this.pc = pc;
    pc.onicecandidate = (event) => {
      // the end-of-candidates marker (an empty candidate) is not sent: the server takes real candidates only
      if (event.candidate?.candidate && this.pc === pc) this.send({ type: 'candidate', candidate: event.candidate.toJSON() });
    };
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return;
      this.dispatch({ type: 'peer-state', state: pc.connectionState });
      this.onPeerState(pc.connectionState);
    };
    return pc;
  }

  protected onPeerState(_state: RTCPeerConnectionState): void {
    // for subclasses
  }

  /** After setRemoteDescription: candidates that came early go in now. */
  protected async flushCandidates(): Promise<void> {
    const pc = this.pc;
    const waiting = this.pendingCandidates;
    this.pendingCandidates = [];
    for (const candidate of waiting) await this.addTo(pc, candidate);
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    const pc = this.pc;
    if (!pc || !pc.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    await this.addTo(pc, candidate);
  }

  private async addTo(pc: RTCPeerConnection | null, candidate: RTCIceCandidateInit): Promise<void> {
    if (!pc || pc.signalingState === 'closed') return;
    try {
      await pc.addIceCandidate(candidate);
    } catch {
      // a candidate of an older negotiation or one the browser cannot use: the others still can
    }
  }

  protected closePeer(): void {
    const pc = this.pc;
    this.pc = null;
    this.pendingCandidates = [];
    if (pc) {
      pc.onicecandidate = null;
      pc.onconnectionstatechange = null;
      pc.ontrack = null;
      pc.close();
    }
    this.onPeerClosed();
  }

  protected onPeerClosed(): void {
    // for subclasses
  }

  protected teardown(): void {
    this.closePeer();
    this.signal?.close();
  }
}
