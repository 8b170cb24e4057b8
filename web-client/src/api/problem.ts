/** RFC 9457 problem details, as the server reports every error. */

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  /** Extension members, e.g. `current` (the current Ticket) on a 409. */
  [extension: string]: unknown;
}

/** An error answer of the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly errors: FieldError[];
  /** Seconds from a `Retry-After` header (429), when present. */
  readonly retryAfter: number | undefined;
  readonly body: ProblemBody;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    errors?: FieldError[];
    retryAfter?: number | undefined;
    body?: ProblemBody;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
    this.body = init.body ?? {};
  }

  /** An extension member of the problem body, e.g. `current` on a version conflict. */
  extension<T = unknown>(name: string): T | undefined {
    return this.body[name] as T | undefined;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    field: typeof entry.field === 'string' ? entry.field : '',
    message: typeof entry.message === 'string' ? entry.message : String(entry.message ?? ''),
  }));
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turns a non-2xx response into an ApiError. Reads `application/problem+json` (or any JSON body)
 * and falls back to the HTTP status text when the body is not JSON.
 */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) body = parsed;
    } catch {
      body = { detail: text.length > 300 ? `${text.slice(0, 300)}…` : text };
    }
  }
  const status = typeof body.status === 'number' ? body.status : response.status;
  return new ApiError({
    status,
    title: typeof body.title === 'string' && body.title ? body.title : response.statusText || `HTTP ${status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    type: typeof body.type === 'string' ? body.type : undefined,
    errors: fieldErrors(body.errors),
    retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
    body,
  });
}

/** The error for a request that never got an answer (server down, network cut, aborted). */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ status: 0, title: 'Network error', detail });
}
