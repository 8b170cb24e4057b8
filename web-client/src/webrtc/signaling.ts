import { encodeMessage, parseServerMessage, type ClientMessage, type ServerMessage } from './protocol';

/** The part of a WebSocket the signaling client uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface SignalingHandlers {
  onMessage(message: ServerMessage): void;
  /** The socket is closed (by the server, the network or us): the code says why (4000 revoked, 4001 ended, 4002 expired). */
  onClose(code: number, reason: string): void;
  /** A frame that is not a message we know; it is dropped. */
  onMalformed?(text: string): void;
}

const OPEN = 1;

/**
 * One participant's connection to /signal. The first frame is `join` with the single-use token from
 * POST /api/assist-sessions/{id}/join; there is no reconnect, since a used token cannot join again
 * (a new join answer means a new client). Frames that do not parse are dropped, never acted upon.
 */
export class SignalingClient {
  private readonly socket: SocketLike;
  private closed = false;

  constructor(url: string, token: string, private readonly handlers: SignalingHandlers, createSocket: SocketFactory = (at) => new WebSocket(at)) {
    this.socket = createSocket(url);
    this.socket.onopen = () => {
      this.socket.send(encodeMessage({ type: 'join', token }));
    };
    this.socket.onmessage = (event) => {
      if (this.closed) return;
      const message = parseServerMessage(event.data);
      if (message) this.handlers.onMessage(message);
      else this.handlers.onMalformed?.(typeof event.data === 'string' ? event.data.slice(0, 200) : '(binary)');
    };
    this.socket.onclose = (event) => this.finish(event.code, event.reason);
    // an error is followed by a close, which carries the code
    this.socket.onerror = () => undefined;
  }

  /** Sends a message if the socket is open; false if it could not go. */
  send(message: ClientMessage): boolean {
    if (this.closed || this.socket.readyState !== OPEN) return false;
    this.socket.send(encodeMessage(message));
    return true;
  }

  /** Says bye (if still open) and closes; onClose is called once with 1000. */
  close(): void {
    if (this.closed) return;
    this.send({ type: 'bye' });
    try {
      this.socket.close(1000, 'bye');
    } catch {
      // already closing
    }
    this.finish(1000, 'bye');
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.onClose(code, reason);
  }
}
