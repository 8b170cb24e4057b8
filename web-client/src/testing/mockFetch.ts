import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The body as given (e.g. FormData of an upload). */
  rawBody: unknown;
}

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A JSON response; `application/problem+json` for error statuses unless told otherwise. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType, ...headers },
  });
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { type: 'about:blank', title, status, ...extra }, headers);
}

/** A fetch stand-in that records every call and answers with `handler`. */
export function mockFetch(handler: Handler) {
  const calls: RecordedRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, 'http://lifeline.test');
    const request: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      path: parsed.pathname,
      search: parsed.searchParams,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      rawBody: init?.body,
    };
    calls.push(request);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return handler(request);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}
