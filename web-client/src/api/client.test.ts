import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problem } from '../testing/mockFetch';
import { alice, sessionFor, ticket } from '../testing/fixtures';
import { createApiClient, queryString } from './client';
import { ApiError } from './problem';
import { loadSession, saveSession } from './session';

function client(handler: Parameters<typeof mockFetch>[0], token: string | null = 'secret') {
  const mock = mockFetch(handler);
  const onUnauthorized = vi.fn();
  const api = createApiClient({ fetch: mock.fetch, getToken: () => token, onUnauthorized });
  return { api, calls: mock.calls, onUnauthorized };
}

describe('api client', () => {
  it('logs in without a token and returns the session data', async () => {
    const login = { token: 'abc', expiresAt: '2026-11-22T16:00:00Z', user: alice };
    const { api, calls } = client(() => jsonResponse(200, login));
    await expect(api.login('alice', 'demo')).resolves.toEqual(login);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.path).toBe('/api/auth/login');
    expect(calls[0]?.body).toEqual({ username: 'alice', password: 'demo' });
    expect(calls[0]?.headers.get('Authorization')).toBeNull();
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('sends the bearer token on every other call', async () => {
    const { api, calls } = client(() => jsonResponse(200, alice));
    await api.me();
    expect(calls[0]?.path).toBe('/api/me');
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer secret');
  });

  it('reads the token from the stored session by default', async () => {
    saveSession(sessionFor(alice, 'stored-token'));
    const mock = mockFetch(() => jsonResponse(200, alice));
    await createApiClient({ fetch: mock.fetch }).me();
    expect(mock.calls[0]?.headers.get('Authorization')).toBe('Bearer stored-token');
  });

  it('builds the ticket query from filters and the cursor, leaving out empty ones', async () => {
    const page = { items: [ticket()], nextCursor: 'c2' };
    const { api, calls } = client(() => jsonResponse(200, page));
    const result = await api.listTickets({ status: 'OPEN', priority: '', assignee: 'me', q: '  printer ', limit: 50, cursor: 'c1' });
    expect(result).toEqual(page);
    const search = calls[0]?.search;
    expect(calls[0]?.path).toBe('/api/tickets');
    expect(search?.get('status')).toBe('OPEN');
    expect(search?.has('priority')).toBe(false);
    expect(search?.get('assignee')).toBe('me');
    expect(search?.get('q')).toBe('printer');
    expect(search?.get('limit')).toBe('50');
    expect(search?.get('cursor')).toBe('c1');
  });

  it('treats a missing or empty nextCursor as the last page', async () => {
    const { api } = client(() => jsonResponse(200, { items: [], nextCursor: '' }));
    await expect(api.listTickets()).resolves.toEqual({ items: [], nextCursor: null });
  });

  it('patches with If-Match carrying the version', async () => {
    const updated = ticket({ id: 't-9', version: 4, status: 'PENDING' });
    const { api, calls } = client(() => jsonResponse(200, updated));
    await expect(api.patchTicket('t-9', 3, { status: 'PENDING' })).resolves.toEqual(updated);
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.path).toBe('/api/tickets/t-9');
    expect(calls[0]?.headers.get('If-Match')).toBe('3');
    expect(calls[0]?.body).toEqual({ status: 'PENDING' });
  });

  it('rejects a stale version with a 409 ApiError that carries the current ticket', async () => {
    const current = ticket({ id: 't-9', version: 5 });
    const { api } = client(() => problem(409, 'Conflict', { detail: 'version 3 is stale', current }));
    const error = await api.patchTicket('t-9', 3, { priority: 'P1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).extension('current')).toEqual(current);
  });

  it('creates a ticket and reads the timeline oldest first as sent', async () => {
    const created = ticket();
    const events = [{ seq: 1, type: 'ticket.created', at: '2026-11-22T08:00:00Z' }];
    const { api, calls } = client((request) => (request.method === 'POST' ? jsonResponse(201, created) : jsonResponse(200, events)));
    await expect(api.createTicket({ subject: 'S', description: 'D', priority: 'P3' })).resolves.toEqual(created);
    expect(calls[0]?.body).toEqual({ subject: 'S', description: 'D', priority: 'P3' });
    await expect(api.timeline('t 1', 7)).resolves.toEqual(events);
    expect(calls[1]?.path).toBe('/api/tickets/t%201/timeline');
    expect(calls[1]?.search.get('afterSeq')).toBe('7');
  });

  it('on 401 of an authenticated call reports it and throws the problem', async () => {
    const { api, onUnauthorized } = client(() => problem(401, 'Unauthorized', { detail: 'token expired' }));
    const error = await api.getTicket('t-1').catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('by default a 401 clears the stored session', async () => {
    saveSession(sessionFor(alice));
    const mock = mockFetch(() => problem(401, 'Unauthorized'));
    await createApiClient({ fetch: mock.fetch }).me().catch(() => undefined);
    expect(loadSession()).toBeNull();
  });

  it('a 401 on login means wrong credentials, not an expired session', async () => {
    const { api, onUnauthorized } = client(() => problem(401, 'Unauthorized'));
    await expect(api.login('alice', 'nope')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a failed fetch into a status-0 ApiError but lets aborts through', async () => {
    const failing = client(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(failing.api.me()).rejects.toMatchObject({ status: 0, detail: 'Failed to fetch' });

    const controller = new AbortController();
    controller.abort();
    const aborted = client(() => jsonResponse(200, alice));
    await expect(aborted.api.me({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('queryString', () => {
  it('skips empty values and encodes the rest', () => {
    expect(queryString({ a: '', b: null, c: undefined })).toBe('');
    expect(queryString({ q: 'a&b', n: 0 })).toBe('?q=a%26b&n=0');
  });
});

describe('chat endpoints', () => {
  it('pages messages with beforeSeq and limit, and posts with the clientMessageId', async () => {
    const mock = mockFetch((request) => (request.method === 'POST' ? jsonResponse(201, { id: 'm1' }) : jsonResponse(200, [{ id: 'm2' }])));
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
    expect(await api.listMessages('t 1', { beforeSeq: 40, limit: 50 })).toEqual([{ id: 'm2' }]);
    expect(mock.calls[0]?.path).toBe('/api/tickets/t%201/messages');
    expect(mock.calls[0]?.search.get('beforeSeq')).toBe('40');
    expect(mock.calls[0]?.search.get('limit')).toBe('50');
    await api.postMessage('t1', { body: 'hi', clientMessageId: 'c-1', internal: true });
    expect(mock.calls[1]).toMatchObject({ method: 'POST', path: '/api/tickets/t1/messages', body: { body: 'hi', clientMessageId: 'c-1', internal: true } });
  });

  it('reads presence as {viewers} or a bare list, and reads as a list', async () => {
    let presence: unknown = { viewers: [{ id: 'u1', displayName: 'A' }] };
    const mock = mockFetch((request) => jsonResponse(200, request.path.endsWith('/presence') ? presence : { not: 'a list' }));
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
    expect(await api.presence('t1')).toEqual([{ id: 'u1', displayName: 'A' }]);
    presence = [{ id: 'u2', displayName: 'B' }];
    expect(await api.presence('t1')).toEqual([{ id: 'u2', displayName: 'B' }]);
    expect(await api.reads('t1')).toEqual([]);
  });

  it('uploads multipart with the token and maps 413 to an ApiError', async () => {
    let status = 201;
    const mock = mockFetch(() => (status === 201 ? jsonResponse(201, { id: 'a1', filename: 'x.png' }) : problem(status, 'Payload Too Large')));
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok', onUnauthorized });
    const file = new File(['x'], 'x.png', { type: 'image/png' });
    expect(await api.uploadAttachment('t1', file, 'x.png')).toEqual({ id: 'a1', filename: 'x.png' });
    const call = mock.calls[0];
    expect(call?.path).toBe('/api/tickets/t1/attachments');
    expect(call?.headers.get('Authorization')).toBe('Bearer tok');
    expect(call?.headers.get('Content-Type')).toBeNull();
    expect((call?.rawBody as FormData).get('file')).toBeInstanceOf(File);
    status = 413;
    await expect(api.uploadAttachment('t1', file, 'x.png')).rejects.toMatchObject({ status: 413 });
    status = 401;
    await expect(api.uploadAttachment('t1', file, 'x.png')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('fetches attachment bytes with the token', async () => {
    const mock = mockFetch(() => new Response('bytes', { status: 200, headers: { 'Content-Type': 'image/png' } }));
    const api = createApiClient({ fetch: mock.fetch, getToken: () => 'tok' });
    const blob = await api.attachmentBlob('a/1');
    expect(await blob.text()).toBe('bytes');
    expect(mock.calls[0]?.path).toBe('/api/attachments/a%2F1');
    expect(mock.calls[0]?.headers.get('Authorization')).toBe('Bearer tok');
  });
});
