import { ApiError, networkError, problemFromResponse } from './problem';
import { clearSession, loadSession, LOGIN_PATH } from './session';
import type {
  Actor,
  Attachment,
  LoginResponse,
  Message,
  NewMessage,
  NewTicket,
  ReadMark,
  Ticket,
  TicketEvent,
  TicketPage,
  TicketPatch,
  TicketQuery,
  User,
} from './types';

export interface ApiClientOptions {
  /** The fetch to use; defaults to the global one, looked up on every call. */
  fetch?: typeof fetch;
  /** Where the bearer token comes from; defaults to the stored session. */
  getToken?: () => string | null;
  /** Called after a 401 on an authenticated call; defaults to clearing the session and going to login. */
  onUnauthorized?: () => void;
  /** Prefix of every path; the API is on the same origin by default. */
  baseUrl?: string;
  /**
   * Sends a multipart upload. By default XMLHttpRequest (it reports upload progress, fetch cannot);
   * when a `fetch` is given and no `upload`, uploads go through that fetch (progress only at the end).
   */
  upload?: UploadTransport;
}

export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  body: FormData;
  signal?: AbortSignal | undefined;
  /** Bytes sent so far and the total (when known). */
  onProgress?: ((loaded: number, total: number) => void) | undefined;
}

export type UploadTransport = (request: UploadRequest) => Promise<Response>;

export interface UploadOptions extends CallOptions {
  onProgress?: ((loaded: number, total: number) => void) | undefined;
}

export interface MessagePageQuery {
  /** Only messages with a lower seq (the next older page). */
  beforeSeq?: number | undefined;
  /** 1 to 200; the server's default is 50. */
  limit?: number | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

interface RequestOptions extends CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false for the login call: no token is sent and a 401 means wrong credentials, not an expired session. */
  authenticated?: boolean;
}

export interface ApiClient {
  login(username: string, password: string, options?: CallOptions): Promise<LoginResponse>;
  me(options?: CallOptions): Promise<User>;
  listTickets(query?: TicketQuery, options?: CallOptions): Promise<TicketPage>;
  getTicket(id: string, options?: CallOptions): Promise<Ticket>;
  createTicket(ticket: NewTicket, options?: CallOptions): Promise<Ticket>;
  /** PATCH with `If-Match: <version>`; a stale version rejects with a 409 ApiError carrying `current`. */
  patchTicket(id: string, version: number, patch: TicketPatch, options?: CallOptions): Promise<Ticket>;
  timeline(id: string, afterSeq?: number, options?: CallOptions): Promise<TicketEvent[]>;
  /** Chat messages, newest first (GET /api/tickets/{id}/messages). */
  listMessages(id: string, query?: MessagePageQuery, options?: CallOptions): Promise<Message[]>;
  /** 201 with the new message, or 200 with the first one when this clientMessageId was used already. */
  postMessage(id: string, message: NewMessage, options?: CallOptions): Promise<Message>;
  /** Everyone's read mark on the ticket's chat. */
  reads(id: string, options?: CallOptions): Promise<ReadMark[]>;
  /** Staff viewing the ticket now (staff only). */
  presence(id: string, options?: CallOptions): Promise<Actor[]>;
  /** Multipart upload (part `file`); 413 when too large, 415 when the type is not allowed. */
  uploadAttachment(ticketId: string, file: Blob, filename: string, options?: UploadOptions): Promise<Attachment>;
  /** The bytes of an attachment, fetched with the bearer token (an <img src> could not send it). */
  attachmentBlob(attachmentId: string, options?: CallOptions): Promise<Blob>;
  /** A JSON call to any path of the API, for a feature that types its own calls (remote assistance). */
  call<T>(method: string, path: string, body?: unknown, options?: CallOptions): Promise<T>;
}

/** Default reaction to an expired or revoked token: forget it and show the login page. */
export function returnToLogin(): void {
  clearSession();
  if (typeof window !== 'undefined' && window.location.pathname !== LOGIN_PATH) {
    window.location.assign(LOGIN_PATH);
  }
}

/** `?a=1&b=2` from the non-empty values, or an empty string. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const isAbort = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/** The headers of an XMLHttpRequest answer, as a Headers object. */
function xhrHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    try {
      headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
    } catch {
      // a header the Headers class refuses: not one we read
    }
  }
  return headers;
}

/** Upload over XMLHttpRequest, for its upload progress events. */
export const xhrUpload: UploadTransport = (request) =>
  new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'blob';
    xhr.withCredentials = false;
    const abort = () => xhr.abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    const done = () => request.signal?.removeEventListener('abort', abort);
    if (request.onProgress) {
      const onProgress = request.onProgress;
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0);
    }
    xhr.onload = () => {
      done();
      const body = xhr.status === 204 || xhr.status === 205 || xhr.status === 304 ? null : (xhr.response as Blob | null);
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: xhrHeaders(xhr) }));
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Upload failed'));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was aborted', 'AbortError'));
    };
    xhr.send(request.body);
  });

/** Upload over a fetch (no progress until it is done). */
function fetchUpload(doFetch: typeof fetch): UploadTransport {
  return async (request) => {
    const response = await doFetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: request.signal ?? null,
      credentials: 'same-origin',
    });
    return response;
  };
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const getToken = options.getToken ?? (() => loadSession()?.token ?? null);
  const onUnauthorized = options.onUnauthorized ?? returnToLogin;
  const baseUrl = options.baseUrl ?? '';
  const upload = options.upload ?? (options.fetch ? fetchUpload(doFetch) : xhrUpload);

  function authHeaders(): Record<string, string> {
    const token = getToken();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** The problem of a non-2xx answer (after the 401 reaction), or the response itself. */
  async function checked(response: Response): Promise<Response> {
    if (response.ok) return response;
    const problem = await problemFromResponse(response);
    if (problem.status === 401) onUnauthorized();
    throw problem;
  }

  async function parseJson<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError({ status: response.status, title: 'Unreadable response', detail: 'The server answered with invalid JSON.' });
    }
  }

  async function request<T>(method: string, path: string, request: RequestOptions = {}): Promise<T> {
    const authenticated = request.authenticated ?? true;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (authenticated) {
      const token = getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
    }

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: request.signal ?? null,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw networkError(error);
    }

    if (!response.ok) {
      const problem = await problemFromResponse(response);
      if (problem.status === 401 && authenticated) onUnauthorized();
      throw problem;
    }
    return parseJson<T>(response);
  }

  const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

  return {
    login: (username, password, call) =>
      request<LoginResponse>('POST', '/api/auth/login', {
        body: { username, password },
        authenticated: false,
        signal: call?.signal,
      }),

    me: (call) => request<User>('GET', '/api/me', { signal: call?.signal }),

    async listTickets(query = {}, call) {
      const path =
        '/api/tickets' +
        queryString({
          status: query.status,
          priority: query.priority,
          assignee: query.assignee,
          q: query.q?.trim(),
          limit: query.limit,
          cursor: query.cursor,
          // number descending is the server's default
          sort: query.sort === 'due' ? 'due' : undefined,
        });
      const page = await request<Partial<TicketPage>>('GET', path, { signal: call?.signal });
      return { items: page?.items ?? [], nextCursor: page?.nextCursor || null };
    },

    getTicket: (id, call) => request<Ticket>('GET', ticketPath(id), { signal: call?.signal }),

    createTicket: (ticket, call) => request<Ticket>('POST', '/api/tickets', { body: ticket, signal: call?.signal }),

    patchTicket: (id, version, patch, call) =>
      request<Ticket>('PATCH', ticketPath(id), {
        body: patch,
        headers: { 'If-Match': String(version) },
        signal: call?.signal,
      }),

    async timeline(id, afterSeq, call) {
      const events = await request<TicketEvent[]>('GET', `${ticketPath(id)}/timeline${queryString({ afterSeq })}`, {
        signal: call?.signal,
      });
      return Array.isArray(events) ? events : [];
    },

    async listMessages(id, query = {}, call) {
      const path = `${ticketPath(id)}/messages${queryString({ beforeSeq: query.beforeSeq, limit: query.limit })}`;
      return asArray<Message>(await request<unknown>('GET', path, { signal: call?.signal }));
    },

    postMessage: (id, message, call) => request<Message>('POST', `${ticketPath(id)}/messages`, { body: message, signal: call?.signal }),

    async reads(id, call) {
      return asArray<ReadMark>(await request<unknown>('GET', `${ticketPath(id)}/reads`, { signal: call?.signal }));
    },

    async presence(id, call) {
      const answer = await request<unknown>('GET', `${ticketPath(id)}/presence`, { signal: call?.signal });
      // `{viewers: [...]}` as the presence event has it; a bare list is taken too
      if (Array.isArray(answer)) return answer as Actor[];
      return asArray<Actor>((answer as { viewers?: unknown } | undefined)?.viewers);
    },

    async uploadAttachment(ticketId, file, filename, call = {}) {
      const form = new FormData();
      form.append('file', file, filename);
      let response: Response;
      try {
        response = await upload({
          url: `${baseUrl}${ticketPath(ticketId)}/attachments`,
          headers: { Accept: 'application/json, application/problem+json', ...authHeaders() },
          body: form,
          signal: call.signal,
          onProgress: call.onProgress,
        });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw networkError(error);
      }
      return parseJson<Attachment>(await checked(response));
    },

    async attachmentBlob(attachmentId, call) {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/attachments/${encodeURIComponent(attachmentId)}`, {
          method: 'GET',
          headers: authHeaders(),
          signal: call?.signal ?? null,
          credentials: 'same-origin',
        });
      } catch (error) {
        if (isAbort(error)) throw error;
        throw networkError(error);
      }
      return (await checked(response)).blob();
    },

    call: (method, path, body, call) => request(method, path, { body, signal: call?.signal }),
  };
}

/** The client every screen uses: same origin, token from the stored session. */
export const api: ApiClient = createApiClient();
