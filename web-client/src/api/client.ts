import { ApiError, networkError, problemFromResponse } from './problem';
import { clearSession, loadSession, LOGIN_PATH } from './session';
import type {
  LoginResponse,
  NewTicket,
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

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const getToken = options.getToken ?? (() => loadSession()?.token ?? null);
  const onUnauthorized = options.onUnauthorized ?? returnToLogin;
  const baseUrl = options.baseUrl ?? '';

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
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError({ status: response.status, title: 'Unreadable response', detail: 'The server answered with invalid JSON.' });
    }
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
  };
}

/** The client every screen uses: same origin, token from the stored session. */
export const api: ApiClient = createApiClient();
