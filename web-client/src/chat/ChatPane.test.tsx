import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import type { Actor, Attachment, Message, User } from '../api/types';
import type { Language } from '../i18n/language';
import type { TicketStreamEvent } from '../realtime/events';
import { SendError } from '../realtime/RealtimeClient';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { FakeRealtime } from '../testing/fakeRealtime';
import { alice, carol } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type RecordedRequest } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { createTicketStream } from '../tickets/ticketStream';
import { ChatPane } from './ChatPane';

const carolActor: Actor = { id: carol.id, displayName: carol.displayName, role: 'CUSTOMER' };
const aliceActor: Actor = { id: alice.id, displayName: alice.displayName, role: 'AGENT' };
const bobActor: Actor = { id: 'u-bob', displayName: 'Bob Agent', role: 'AGENT' };

function msg(seq: number, author: Actor = carolActor, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    ticketId: 't1',
    seq,
    author,
    body: `message ${seq}`,
    internal: false,
    clientMessageId: `c${seq}`,
    createdAt: '2026-11-22T09:00:00Z',
    attachments: [],
    ...overrides,
  };
}

const created = (message: Message): TicketStreamEvent => ({
  seq: message.seq,
  stream: 'tickets.t1',
  type: 'message.created',
  at: message.createdAt,
  ticketId: 't1',
  data: message,
});

const png: Attachment = { id: 'a1', filename: 'screen.png', contentType: 'image/png', size: 2048, url: '/api/attachments/a1' };

interface SetupOptions {
  user?: User;
  connected?: boolean;
  history?: Message[];
  reads?: unknown[];
  viewers?: Actor[];
  language?: Language;
  answer?: (request: RecordedRequest) => Response | Promise<Response> | undefined;
}

function setup(options: SetupOptions = {}) {
  const user = options.user ?? carol;
  const realtime = new FakeRealtime();
  if (options.connected !== false) realtime.setState('connected');
  const stream = createTicketStream('t1');
  let nextSeq = 100;
  const mock = mockFetch((request) => {
    const custom = options.answer?.(request);
    if (custom) return custom;
    if (request.method === 'GET' && request.path === '/api/tickets/t1/messages') {
      const before = Number(request.search.get('beforeSeq') ?? Infinity);
      const limit = Number(request.search.get('limit') ?? 50);
      const page = [...(options.history ?? [])]
        .filter((message) => message.seq < before)
        .sort((a, b) => b.seq - a.seq)
        .slice(0, limit);
      return jsonResponse(200, page);
    }
    if (request.path === '/api/tickets/t1/reads') return jsonResponse(200, options.reads ?? []);
    if (request.path === '/api/tickets/t1/presence') return jsonResponse(200, { viewers: options.viewers ?? [] });
    if (request.method === 'POST' && request.path === '/api/tickets/t1/messages') {
      const body = request.body as { body: string; clientMessageId: string; internal?: boolean };
      nextSeq += 1;
      return jsonResponse(201, msg(nextSeq, { id: user.id, displayName: user.displayName, role: user.role }, { ...body, id: `srv-${body.clientMessageId}` }));
    }
    if (request.method === 'POST' && request.path === '/api/tickets/t1/attachments') return jsonResponse(201, png);
    if (request.path.startsWith('/api/attachments/')) return new Response('png-bytes', { status: 200, headers: { 'Content-Type': 'image/png' } });
    return problem(404, 'Not Found');
  });
  const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
  const { unmount } = renderWithI18n(
    <RealtimeProvider client={realtime}>
      <ChatPane api={api} ticketId="t1" customerId={carol.id} user={user} stream={stream} />
    </RealtimeProvider>,
    options.language,
  );
  const emit = (event: TicketStreamEvent) => act(() => stream.emit(event));
  const bubbles = () => screen.queryAllByTestId('chat-message');
  const texts = () => bubbles().map((bubble) => bubble.querySelector('[data-testid="message-body"]')?.textContent ?? '');
  const input = () => screen.getByTestId('chat-input') as HTMLTextAreaElement;
  const type = (text: string) => fireEvent.change(input(), { target: { value: text } });
  const enter = (extra: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(input(), { key: 'Enter', ...extra });
  return { realtime, stream, calls: mock.calls, emit, bubbles, texts, input, type, enter, unmount };
}

beforeEach(() => {
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
});

describe('ChatPane history', () => {
  it('shows the newest page oldest at the top, and pages back with beforeSeq', async () => {
    const history = Array.from({ length: 60 }, (_, index) => msg(index + 1));
    const { calls, texts } = setup({ history });
    await waitFor(() => expect(texts()).toHaveLength(50));
    expect(texts()[0]).toBe('message 11');
    expect(texts()[49]).toBe('message 60');
    const first = calls.find((call) => call.path === '/api/tickets/t1/messages');
    expect(first?.search.get('limit')).toBe('50');
    expect(first?.search.get('beforeSeq')).toBeNull();

    fireEvent.click(screen.getByTestId('chat-load-earlier'));
    await waitFor(() => expect(texts()).toHaveLength(60));
    expect(texts()[0]).toBe('message 1');
    expect(calls.filter((call) => call.path === '/api/tickets/t1/messages').at(-1)?.search.get('beforeSeq')).toBe('11');
    // a short page: nothing older
    expect(screen.queryByTestId('chat-load-earlier')).toBeNull();
  });

  it('merges live messages and drops duplicates by id and by seq', async () => {
    const { emit, texts } = setup({ history: [msg(1), msg(2)] });
    await waitFor(() => expect(texts()).toEqual(['message 1', 'message 2']));
    emit(created(msg(3)));
    emit(created(msg(3)));
    emit(created(msg(2)));
    emit(created({ ...msg(3), id: 'other-id' }));
    emit({ seq: 4, stream: 'tickets.t1', type: 'ticket.updated', at: '', ticketId: 't1', data: {} as never });
    expect(texts()).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('renders bodies as markdown-lite, and HTML as text', async () => {
    const { texts } = setup({ history: [msg(1, carolActor, { body: '**urgent** <img src=x onerror=alert(1)>' })] });
    await waitFor(() => expect(texts()).toHaveLength(1));
    const bubble = screen.getByTestId('chat-message');
    expect(bubble.querySelector('strong')?.textContent).toBe('urgent');
    expect(bubble.querySelector('img')).toBeNull();
    expect(texts()[0]).toBe('urgent <img src=x onerror=alert(1)>');
  });

  it('tells when there is nothing yet', async () => {
    setup({ history: [] });
    expect((await screen.findByTestId('chat-empty')).textContent).toContain('No messages yet');
  });
});

describe('ChatPane sending', () => {
  it('Enter sends over STOMP with a receipt and a clientMessageId; the bubble is pending until the event', async () => {
    const { realtime, type, enter, bubbles, emit, input } = setup({ history: [msg(1)] });
    realtime.receipts = 'manual';
    await waitFor(() => expect(bubbles()).toHaveLength(1));
    type('Hello **there**');
    enter({ shiftKey: true });
    expect(realtime.sentTo('/app/tickets.t1/messages')).toHaveLength(0);
    enter();
    expect(input().value).toBe('');
    const sends = realtime.published.filter((entry) => entry.destination === '/app/tickets.t1/messages');
    expect(sends).toHaveLength(1);
    expect(sends[0]?.options.receipt).toBe(true);
    const body = sends[0]?.body as { body: string; clientMessageId: string; internal?: boolean };
    expect(body.body).toBe('Hello **there**');
    expect(body.clientMessageId).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
    expect(body.internal).toBeUndefined();

    const pending = bubbles()[1] as HTMLElement;
    expect(pending.getAttribute('data-state')).toBe('sending');
    expect(within(pending).getByTestId('chat-pending')).toBeTruthy();

    await act(async () => sends[0]?.receipt());
    expect(bubbles()[1]?.getAttribute('data-state')).toBe('sent');

    emit(created(msg(2, carolActor, { body: body.body, clientMessageId: body.clientMessageId })));
    expect(bubbles()).toHaveLength(2);
    expect(bubbles()[1]?.getAttribute('data-message-id')).toBe('m2');
    expect(bubbles()[1]?.getAttribute('data-state')).toBe('sent');
  });

  it('sends over REST while not connected', async () => {
    const { calls, type, enter, bubbles } = setup({ connected: false });
    await screen.findByTestId('chat-empty');
    type('Offline hello');
    enter();
    await waitFor(() => expect(bubbles()[0]?.getAttribute('data-message-id')).toMatch(/^srv-/));
    const post = calls.find((call) => call.method === 'POST' && call.path === '/api/tickets/t1/messages');
    expect(post?.body).toMatchObject({ body: 'Offline hello' });
    expect(bubbles()).toHaveLength(1);
  });

  it('keeps a message pending over a lost connection and retries with the same clientMessageId on reconnect', async () => {
    let down = true;
    const { realtime, calls, type, enter, bubbles } = setup({
      connected: false,
      answer: (request) => (request.method === 'POST' && request.path.endsWith('/messages') && down ? Promise.reject(new TypeError('Failed to fetch')) : undefined),
    });
    await screen.findByTestId('chat-empty');
    type('Are you there?');
    enter();
    await waitFor(() => expect(screen.getByTestId('chat-pending').textContent).toContain('Not sent yet'));
    const first = calls.find((call) => call.method === 'POST')?.body as { clientMessageId: string };

    down = false;
    act(() => realtime.setState('connected'));
    const sends = realtime.sentTo('/app/tickets.t1/messages') as { clientMessageId: string }[];
    expect(sends).toHaveLength(1);
    expect(sends[0]?.clientMessageId).toBe(first.clientMessageId);
    // RECEIPT: stored, waiting for its event
    await waitFor(() => expect(bubbles()[0]?.getAttribute('data-state')).toBe('sent'));
  });

  it('shows a refused message with retry (same clientMessageId) and discard', async () => {
    let refuse = true;
    const { calls, type, enter, bubbles } = setup({
      connected: false,
      answer: (request) =>
        request.method === 'POST' && request.path.endsWith('/messages') && refuse ? problem(400, 'Bad Request', { detail: 'body is too long' }) : undefined,
    });
    await screen.findByTestId('chat-empty');
    type('too long');
    enter();
    const failed = await screen.findByTestId('chat-failed');
    expect(failed.textContent).toContain('body is too long');
    expect(bubbles()[0]?.getAttribute('data-state')).toBe('failed');

    refuse = false;
    fireEvent.click(screen.getByTestId('chat-retry'));
    await waitFor(() => expect(bubbles()[0]?.getAttribute('data-message-id')).toMatch(/^srv-/));
    const posts = calls.filter((call) => call.method === 'POST').map((call) => (call.body as { clientMessageId: string }).clientMessageId);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toBe(posts[1]);
  });

  it('discards a refused message', async () => {
    const { type, enter, bubbles } = setup({
      connected: false,
      answer: (request) => (request.method === 'POST' && request.path.endsWith('/messages') ? problem(403, 'Forbidden') : undefined),
    });
    await screen.findByTestId('chat-empty');
    type('nope');
    enter();
    await screen.findByTestId('chat-failed');
    fireEvent.click(screen.getByTestId('chat-discard'));
    expect(bubbles()).toHaveLength(0);
  });

  it('does not send an empty message or while an input method is composing', async () => {
    const { realtime, type, enter } = setup();
    await screen.findByTestId('chat-empty');
    type('   ');
    enter();
    type('拼音');
    enter({ isComposing: true } as Partial<KeyboardEventInit>);
    fireEvent.keyDown(screen.getByTestId('chat-input'), { key: 'Enter', keyCode: 229 });
    expect(realtime.sentTo('/app/tickets.t1/messages')).toHaveLength(0);
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('ChatPane internal notes', () => {
  it('customers have no internal switch', async () => {
    setup({ user: carol });
    await screen.findByTestId('chat-empty');
    expect(screen.queryByTestId('chat-internal-toggle')).toBeNull();
    expect(screen.queryByTestId('chat-presence')).toBeNull();
  });

  it('agents can write an internal note, shown apart', async () => {
    const { realtime, type, enter, emit, bubbles } = setup({ user: alice });
    await screen.findByTestId('chat-empty');
    fireEvent.click(screen.getByTestId('chat-internal-toggle'));
    expect(screen.getByTestId('chat-composer').className).toContain('internal');
    type('Customer is on the old version');
    // typing about a note is flagged internal, so customers do not see it
    expect(realtime.sentTo('/app/tickets.t1/typing')).toEqual([{ typing: true, internal: true }]);
    enter();
    const body = realtime.sentTo('/app/tickets.t1/messages')[0] as { internal?: boolean; clientMessageId: string };
    expect(body.internal).toBe(true);
    emit(created(msg(5, aliceActor, { internal: true, body: 'Customer is on the old version', clientMessageId: body.clientMessageId })));
    const bubble = bubbles()[0] as HTMLElement;
    expect(bubble.className).toContain('internal');
    expect(bubble.getAttribute('data-internal')).toBe('true');
    expect(within(bubble).getByText('Internal note')).toBeTruthy();
  });
});

describe('ChatPane typing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces typing (throttled) and stops on send', async () => {
    const { realtime, type, enter } = setup();
    await screen.findByTestId('chat-empty');
    type('H');
    type('He');
    type('Hel');
    expect(realtime.sentTo('/app/tickets.t1/typing')).toEqual([{ typing: true }]);
    enter();
    expect(realtime.sentTo('/app/tickets.t1/typing')).toEqual([{ typing: true }, { typing: false }]);
  });

  it('stops sending typing for this ticket once the server refuses it', async () => {
    const { realtime, type, input } = setup();
    realtime.receipts = 'manual';
    await screen.findByTestId('chat-empty');
    type('Hi');
    const first = realtime.published.find((entry) => entry.destination === '/app/tickets.t1/typing');
    expect(first?.options.receipt).toBe(true);
    await act(async () => first?.fail(new SendError('refused', 'Not allowed to send there')));
    fireEvent.blur(input());
    type('Hi again');
    expect(realtime.sentTo('/app/tickets.t1/typing')).toHaveLength(1);
  });

  it('stops on blur', async () => {
    const { realtime, type, input } = setup();
    await screen.findByTestId('chat-empty');
    type('Hi');
    fireEvent.blur(input());
    expect(realtime.sentTo('/app/tickets.t1/typing')).toEqual([{ typing: true }, { typing: false }]);
  });

  it('shows who is typing (not oneself) until the event expires', async () => {
    const { emit } = setup({ user: carol });
    await screen.findByTestId('chat-empty');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const typing = (user: Actor, isTyping: boolean, expiresInMs?: number): TicketStreamEvent => ({
      seq: null,
      stream: 'tickets.t1',
      type: 'typing',
      at: '',
      ticketId: 't1',
      data: { user, typing: isTyping, internal: false, ...(expiresInMs ? { expiresInMs } : {}) },
    });
    emit(typing(carolActor, true, 5000));
    expect(screen.getByTestId('chat-typing').textContent).toBe('');
    emit(typing(aliceActor, true, 3000));
    expect(screen.getByTestId('chat-typing').textContent).toBe('Alice Agent is typing…');
    await act(async () => {
      vi.advanceTimersByTime(3100);
    });
    expect(screen.getByTestId('chat-typing').textContent).toBe('');
    emit(typing(aliceActor, true, 3000));
    emit(typing(aliceActor, false));
    expect(screen.getByTestId('chat-typing').textContent).toBe('');
  });
});

describe('ChatPane read receipts', () => {
  it('sends the newest seq once when it is seen on a focused page, and again only when higher', async () => {
    const { realtime, emit, bubbles } = setup({ history: [msg(1), msg(2)] });
    await waitFor(() => expect(realtime.sentTo('/app/tickets.t1/read')).toEqual([{ seq: 2 }]));
    expect(bubbles()).toHaveLength(2);
    emit(created(msg(3)));
    await waitFor(() => expect(realtime.sentTo('/app/tickets.t1/read')).toEqual([{ seq: 2 }, { seq: 3 }]));
    emit(created(msg(3)));
    expect(realtime.sentTo('/app/tickets.t1/read')).toHaveLength(2);
  });

  it('does not send while the page is not focused', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const { realtime, texts } = setup({ history: [msg(1)] });
    await waitFor(() => expect(texts()).toHaveLength(1));
    expect(realtime.sentTo('/app/tickets.t1/read')).toHaveLength(0);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(realtime.sentTo('/app/tickets.t1/read')).toEqual([{ seq: 1 }]);
  });

  it('does not send what the server already has for us', async () => {
    const { realtime, texts } = setup({ history: [msg(1), msg(2)], reads: [{ user: carolActor, seq: 2 }] });
    await waitFor(() => expect(texts()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(realtime.sentTo('/app/tickets.t1/read')).toHaveLength(0);
  });

  it('shows "Read" under our newest message the other side has read', async () => {
    const history = [msg(1, carolActor), msg(2, aliceActor), msg(3, carolActor), msg(4, carolActor)];
    const { emit } = setup({ user: carol, history, reads: [{ user: aliceActor, seq: 3 }] });
    const read = await screen.findByTestId('chat-read');
    expect(read.closest('[data-testid="chat-message"]')?.getAttribute('data-message-id')).toBe('m3');
    emit({ seq: 9, stream: 'tickets.t1', type: 'read', at: '', ticketId: 't1', data: { user: bobActor, seq: 4 } });
    await waitFor(() => expect(screen.getByTestId('chat-read').closest('[data-testid="chat-message"]')?.getAttribute('data-message-id')).toBe('m4'));
    expect(screen.getAllByTestId('chat-read')).toHaveLength(1);
  });

  it('for an agent, only the customer\'s mark counts', async () => {
    const history = [msg(1, aliceActor), msg(2, aliceActor)];
    setup({ user: alice, history, reads: [{ user: bobActor, seq: 2 }, { user: carolActor, seq: 1 }] });
    const read = await screen.findByTestId('chat-read');
    expect(read.closest('[data-testid="chat-message"]')?.getAttribute('data-message-id')).toBe('m1');
  });
});

describe('ChatPane presence (agents)', () => {
  it('shows the other staff on the ticket, from REST then from presence events', async () => {
    const { emit } = setup({ user: alice, viewers: [aliceActor, bobActor] });
    await waitFor(() => expect(screen.getAllByTestId('chat-viewer')).toHaveLength(1));
    expect(screen.getByTestId('chat-viewer').textContent).toBe('BA');
    expect(screen.getByTestId('chat-viewer').getAttribute('aria-label')).toBe('Bob Agent');
    const sam = { id: 'u-sam', displayName: 'Sam Supervisor', role: 'SUPERVISOR' as const };
    emit({ seq: null, stream: 'tickets.t1', type: 'presence', at: '', ticketId: 't1', data: { viewers: [aliceActor, bobActor, sam] } });
    expect(screen.getAllByTestId('chat-viewer').map((viewer) => viewer.textContent)).toEqual(['BA', 'SS']);
    emit({ seq: null, stream: 'tickets.t1', type: 'presence', at: '', ticketId: 't1', data: { viewers: [aliceActor] } });
    expect(screen.queryAllByTestId('chat-viewer')).toHaveLength(0);
  });

  it('warns when another agent is typing on the same ticket', async () => {
    const { emit } = setup({ user: alice, viewers: [bobActor] });
    await screen.findByTestId('chat-viewer');
    expect(screen.queryByTestId('chat-collision-warning')).toBeNull();
    emit({ seq: null, stream: 'tickets.t1', type: 'typing', at: '', ticketId: 't1', data: { user: bobActor, typing: true, expiresInMs: 5000 } });
    expect(screen.getByTestId('chat-collision-warning').textContent).toContain('Bob Agent is typing on this ticket too');
    expect(screen.getByTestId('chat-viewer').getAttribute('aria-label')).toBe('Bob Agent (typing)');
    // the customer typing is no collision
    emit({ seq: null, stream: 'tickets.t1', type: 'typing', at: '', ticketId: 't1', data: { user: bobActor, typing: false } });
    emit({ seq: null, stream: 'tickets.t1', type: 'typing', at: '', ticketId: 't1', data: { user: carolActor, typing: true } });
    expect(screen.queryByTestId('chat-collision-warning')).toBeNull();
    expect(screen.getByTestId('chat-typing').textContent).toBe('Carol Customer is typing…');
  });

  it('customers never ask for presence', async () => {
    const { calls } = setup({ user: carol });
    await screen.findByTestId('chat-empty');
    expect(calls.some((call) => call.path.endsWith('/presence'))).toBe(false);
  });
});

describe('ChatPane attachments', () => {
  const created: string[] = [];
  const revoked: string[] = [];
  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = `blob:test/${created.length + 1}-${(blob as Blob).size}`;
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
    };
  });

  const pick = (files: File[]) => fireEvent.change(screen.getByTestId('chat-file-input'), { target: { files } });

  it('uploads a picked file and sends its id with the message', async () => {
    const { realtime, calls, type, enter } = setup();
    await screen.findByTestId('chat-empty');
    pick([new File(['png'], 'screen.png', { type: 'image/png' })]);
    await waitFor(() => expect(screen.getByTestId('chat-upload').getAttribute('data-state')).toBe('done'));
    const upload = calls.find((call) => call.path === '/api/tickets/t1/attachments');
    expect(upload?.method).toBe('POST');
    expect(upload?.headers.get('Authorization')).toBe('Bearer tok');
    expect((upload?.rawBody as FormData).get('file')).toBeInstanceOf(File);
    type('See the screenshot');
    enter();
    expect(realtime.sentTo('/app/tickets.t1/messages')[0]).toMatchObject({ body: 'See the screenshot', attachmentIds: ['a1'] });
    expect(screen.queryByTestId('chat-upload')).toBeNull();
  });

  it('sends an attachment without text', async () => {
    const { realtime } = setup();
    await screen.findByTestId('chat-empty');
    pick([new File(['png'], 'screen.png', { type: 'image/png' })]);
    await waitFor(() => expect(screen.getByTestId('chat-upload').getAttribute('data-state')).toBe('done'));
    fireEvent.click(screen.getByTestId('chat-send'));
    expect(realtime.sentTo('/app/tickets.t1/messages')[0]).toMatchObject({ body: '', attachmentIds: ['a1'] });
  });

  it('uploads a pasted screenshot', async () => {
    const { calls, input } = setup();
    await screen.findByTestId('chat-empty');
    const file = new File(['png'], '', { type: 'image/png' });
    fireEvent.paste(input(), { clipboardData: { files: [file], items: [], types: ['Files'] } });
    await waitFor(() => expect(calls.some((call) => call.path === '/api/tickets/t1/attachments')).toBe(true));
    const form = calls.find((call) => call.path === '/api/tickets/t1/attachments')?.rawBody as FormData;
    expect((form.get('file') as File).name).toMatch(/^pasted-.*\.png$/);
  });

  it('uploads a dropped file', async () => {
    const { calls } = setup();
    await screen.findByTestId('chat-empty');
    const file = new File(['%PDF'], 'report.pdf', { type: 'application/pdf' });
    const pane = screen.getByTestId('chat-pane');
    fireEvent.dragOver(pane, { dataTransfer: { types: ['Files'], files: [file], items: [] } });
    fireEvent.drop(pane, { dataTransfer: { types: ['Files'], files: [file], items: [] } });
    await waitFor(() => expect(calls.some((call) => call.path === '/api/tickets/t1/attachments')).toBe(true));
  });

  it('says a file is too large (413) or of a refused type (415)', async () => {
    let status = 413;
    setup({ answer: (request) => (request.path.endsWith('/attachments') ? problem(status, 'No') : undefined) });
    await screen.findByTestId('chat-empty');
    pick([new File(['x'], 'big.png', { type: 'image/png' })]);
    expect((await screen.findByTestId('chat-upload-error')).textContent).toBe('This file is too large (at most 10 MiB).');
    status = 415;
    pick([new File(['x'], 'tool.exe', { type: 'application/octet-stream' })]);
    await waitFor(() => expect(screen.getAllByTestId('chat-upload-error')).toHaveLength(2));
    expect(screen.getAllByTestId('chat-upload-error')[1]?.textContent).toContain('This type of file is not allowed');
    // failed uploads are not sent
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so in Chinese too', async () => {
    setup({ language: 'zh-CN', answer: (request) => (request.path.endsWith('/attachments') ? problem(415, 'No') : undefined) });
    await screen.findByTestId('chat-empty');
    pick([new File(['x'], 'tool.exe')]);
    expect((await screen.findByTestId('chat-upload-error')).textContent).toContain('不支持此文件类型');
  });

  it('refuses a file over 10 MiB without uploading it', async () => {
    const { calls } = setup();
    await screen.findByTestId('chat-empty');
    const big = new File(['x'], 'huge.png', { type: 'image/png' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    pick([big]);
    expect((await screen.findByTestId('chat-upload-error')).textContent).toContain('too large');
    expect(calls.some((call) => call.path.endsWith('/attachments'))).toBe(false);
  });

  it('shows pictures as thumbnails fetched with the token, and revokes them when it goes', async () => {
    const { calls, unmount } = setup({
      history: [msg(1, carolActor, { body: '', attachments: [png, { id: 'a2', filename: 'log.txt', contentType: 'text/plain', size: 10 }] })],
    });
    const image = (await screen.findByTestId('chat-image')) as HTMLImageElement;
    expect(image.getAttribute('src')).toMatch(/^blob:test\//);
    const fetchOfImage = calls.find((call) => call.path === '/api/attachments/a1');
    expect(fetchOfImage?.headers.get('Authorization')).toBe('Bearer tok');
    expect(screen.getByTestId('chat-file').textContent).toContain('log.txt');

    fireEvent.click(image.closest('button') as HTMLButtonElement);
    expect(screen.getByTestId('chat-image-full').getAttribute('src')).toBe(image.getAttribute('src'));
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('chat-image-full')).toBeNull();

    const src = image.getAttribute('src') as string;
    expect(revoked).not.toContain(src);
    unmount();
    expect(revoked).toContain(src);
  });

  it('downloads other files through a blob', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { calls } = setup({ history: [msg(1, carolActor, { body: 'log', attachments: [{ id: 'a2', filename: 'log.txt', contentType: 'text/plain', size: 10 }] })] });
    fireEvent.click(await screen.findByTestId('chat-file'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls.find((call) => call.path === '/api/attachments/a2')?.headers.get('Authorization')).toBe('Bearer tok');
    expect(created).toHaveLength(1);
  });
});
