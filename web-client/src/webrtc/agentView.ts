import { hasScope } from './assistState';
import { AssistLink, type LinkOptions } from './link';
import type { ControlMessage, PointerMark, ServerMessage } from './protocol';

export interface AgentViewOptions extends LinkOptions {
  /** The customer's screen as it arrives (null when it went away). */
  onStream: (stream: MediaStream | null) => void;
}

/**
 * The agent's side: never offers; answers the customer's offer on a fresh peer connection (a new
 * offer after the customer came back replaces the old one), shows the incoming track, and sends
 * pointer marks and control actions only while their scope is granted.
 */
export class AgentView extends AssistLink {
  constructor(protected override readonly options: AgentViewOptions) {
    super(options);
  }

  protected onMessage(message: ServerMessage): void {
    if (message.type === 'offer') void this.answer(message.sdp);
  }

  /** The video element shows frames (or stopped showing them). */
  reportMedia(flowing: boolean): void {
    this.dispatch({ type: 'media', flowing });
  }

  sendPointer(x: number, y: number, mark: PointerMark): boolean {
    if (!hasScope(this.state, 'pointer')) return false;
    return this.send({ type: 'pointer', x: clampUnit(x), y: clampUnit(y), mark });
  }

  sendControl(message: Omit<ControlMessage, 'type'>): boolean {
    if (!hasScope(this.state, 'control')) return false;
    return this.send({ type: 'control', ...message });
  }

  private async answer(sdp: string): Promise<void> {
    const pc = this.newPeer();
    pc.ontrack = (event) => {
      if (this.pc !== pc) return;
      this.options.onStream(event.streams[0] ?? new MediaStream([event.track]));
    };
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp });
      await this.flushCandidates();
      const answer = await pc.createAnswer();
      if (this.pc !== pc) return;
      await pc.setLocalDescription(answer);
      if (this.pc !== pc || !pc.localDescription) return;
      this.send({ type: 'answer', sdp: pc.localDescription.sdp });
    } catch (error) {
      if (this.pc === pc) this.dispatch({ type: 'failed', error: `answer: ${(error as Error)?.message ?? error}` });
    }
  }

  protected override onPeerClosed(): void {
    this.options.onStream(null);
  }
}

const clampUnit = (value: number): number => Math.min(1, Math.max(0, value));
