import { hasScope } from './assistState';
import { AssistLink, type LinkOptions } from './link';
import type { ControlMessage, PointerMessage, ServerMessage } from './protocol';

export interface CustomerShareOptions extends LinkOptions {
  /** The screen, window or tab from getDisplayMedia. */
  stream: MediaStream;
  onPointer: (message: PointerMessage) => void;
  onControl: (message: ControlMessage) => void;
  /** The browser's own "Stop sharing" (the track ended): the caller revokes the session. */
  onSourceEnded: () => void;
}

const MAX_RETRIES = 3;

/** Asks the browser for a screen, window or tab to share (video only); a tab is offered first. */
export function pickScreen(media: MediaDevices = navigator.mediaDevices): Promise<MediaStream> {
  const options: DisplayMediaStreamOptions & Record<string, unknown> = {
    video: { displaySurface: 'browser', frameRate: { max: 30 } } as MediaTrackConstraints,
    audio: false,
    selfBrowserSurface: 'include',
    surfaceSwitching: 'include',
    monitorTypeSurfaces: 'include',
  };
  return media.getDisplayMedia(options);
}

/**
 * The customer's side: the only offerer. It offers the shared screen as soon as the agent is there
 * (at join when already present, else at peer-joined; again if the agent comes back), takes the
 * answer, and hands pointer and control messages on, each only while its scope is granted. Closing
 * for any reason stops the capture at once, so no frame leaves after a revoke.
 */
export class CustomerShare extends AssistLink {
  private readonly onTrackEnded = () => this.options.onSourceEnded();
  /**
   * The agent now present already has our offer. When both join at the same moment the server may say
   * so twice (joined with peerPresent, then peer-joined): a second offer would race the first one's answer.
   */
  private offeredToPeer = false;
  private retries = 0;

  constructor(protected override readonly options: CustomerShareOptions) {
    super(options);
    for (const track of options.stream.getVideoTracks()) {
      // text and edges matter more than motion on a screen
      if ('contentHint' in track) track.contentHint = 'detail';
      track.addEventListener('ended', this.onTrackEnded);
    }
  }

  /** displaySurface of the shared track: browser (a tab), window or monitor. */
  get surface(): string | undefined {
    const track = this.options.stream.getVideoTracks()[0];
    return (track?.getSettings() as MediaTrackSettings & { displaySurface?: string } | undefined)?.displaySurface;
  }

  protected onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'joined':
        if (message.peerPresent) this.offerOnce();
        break;
      case 'peer-joined':
        this.offerOnce();
        break;
      case 'answer':
        void this.accept(message.sdp);
        break;
      case 'pointer':
        if (hasScope(this.state, 'pointer')) this.options.onPointer(message);
        break;
      case 'control':
        if (hasScope(this.state, 'control')) this.options.onControl(message);
        break;
      default:
        break;
    }
  }

  protected override onPeerState(state: RTCPeerConnectionState): void {
    if (state === 'connected') {
      this.retries = 0;
      this.dispatch({ type: 'media', flowing: true });
    } else if (state === 'disconnected' || state === 'failed') {
      this.dispatch({ type: 'media', flowing: false });
    }
    // a connection that failed is offered again on a fresh one (a few times), while the agent is there
    if (state === 'failed' && this.state.peerPresent && this.retries < MAX_RETRIES) {
      this.retries += 1;
      void this.offer();
    }
  }

  protected override onPeerClosed(): void {
    if (!this.state.peerPresent) this.offeredToPeer = false;
  }

  private offerOnce(): void {
    if (this.offeredToPeer) return;
    this.offeredToPeer = true;
    void this.offer();
  }

  private async offer(): Promise<void> {
    const pc = this.newPeer();
    const { stream } = this.options;
    for (const track of stream.getVideoTracks()) pc.addTrack(track, stream);
    try {
      const offer = await pc.createOffer();
      if (this.pc !== pc) return;
      await pc.setLocalDescription(offer);
      if (this.pc !== pc || !pc.localDescription) return;
      this.send({ type: 'offer', sdp: pc.localDescription.sdp });
    } catch (error) {
      if (this.pc === pc) this.dispatch({ type: 'failed', error: `offer: ${(error as Error)?.message ?? error}` });
    }
  }

  private async accept(sdp: string): Promise<void> {
    const pc = this.pc;
    if (!pc || pc.signalingState !== 'have-local-offer') return;
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp });
      await this.flushCandidates();
    } catch (error) {
      if (this.pc === pc) this.dispatch({ type: 'failed', error: `answer: ${(error as Error)?.message ?? error}` });
    }
  }

  protected override teardown(): void {
    for (const track of this.options.stream.getTracks()) {
      track.removeEventListener('ended', this.onTrackEnded);
      track.stop();
    }
    super.teardown();
  }
}
