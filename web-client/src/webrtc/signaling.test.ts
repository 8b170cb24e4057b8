import { describe, expect, it } from 'vitest';
import type { ServerMessage } from './protocol';
import { SignalingClient, type SocketLike } from './signaling';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code ?? 1005;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

function connect() {
  let socket: FakeSocket | undefined;
  const messages: ServerMessage[] = [];
  const closes: number[] = [];
  const malformed: string[] = [];
  const client = new SignalingClient(
    'ws://host/signal',
    'tok-1',
    { onMessage: (message) => messages.push(message), onClose: (code) => closes.push(code), onMalformed: (text) => malformed.push(text) },
    (url) => (socket = new FakeSocket(url)),
  );
  return { client, socket: socket!, messages, closes, malformed };
}

describe('SignalingClient', () => {
  it('joins with the token as its first frame', () => {
    const { socket } = connect();
    expect(socket.url).toBe('ws://host/signal');
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent.map((frame) => JSON.parse(frame))).toEqual([{ type: 'join', token: 'tok-1' }]);
  });

  it('does not send before the socket is open', () => {
    const { client, socket } = connect();
    expect(client.send({ type: 'offer', sdp: 'v=0' })).toBe(false);
    socket.open();
    expect(client.send({ type: 'offer', sdp: 'v=0' })).toBe(true);
    expect(socket.sent).toHaveLength(2);
  });

  it('hands on parsed messages and drops malformed frames', () => {
    const { socket, messages, malformed } = connect();
    socket.open();
    socket.receive({ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true });
    socket.receive('{oops');
    socket.receive({ type: 'pointer', x: 7, y: 0 });
    expect(messages).toEqual([{ type: 'joined', role: 'agent', grantedScopes: ['view'], peerPresent: true }]);
    expect(malformed).toHaveLength(2);
  });

  it('reports the server close code once, and nothing after', () => {
    const { client, socket, closes, messages } = connect();
    socket.open();
    socket.serverClose(4000);
    socket.receive({ type: 'revoked' });
    client.close();
    expect(closes).toEqual([4000]);
    expect(messages).toEqual([]);
    expect(client.isClosed).toBe(true);
  });

  it('says bye when we close', () => {
    const { client, socket, closes } = connect();
    socket.open();
    client.close();
    expect(JSON.parse(socket.sent.at(-1)!)).toEqual({ type: 'bye' });
    expect(socket.closedWith).toBe(1000);
    expect(closes).toEqual([1000]);
  });
});
