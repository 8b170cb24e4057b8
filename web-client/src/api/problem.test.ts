import { describe, expect, it } from 'vitest';
import { ApiError, isApiError, networkError, problemFromResponse } from './problem';

describe('problemFromResponse', () => {
  it('reads an RFC 9457 body with field errors', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'https://lifeline.example/problems/validation',
        title: 'Bad Request',
        status: 400,
        detail: 'subject must not be blank',
        errors: [{ field: 'subject', message: 'must not be blank' }],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const error = await problemFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.title).toBe('Bad Request');
    expect(error.detail).toBe('subject must not be blank');
    expect(error.type).toBe('https://lifeline.example/problems/validation');
    expect(error.errors).toEqual([{ field: 'subject', message: 'must not be blank' }]);
  });

  it('keeps extension members such as the current ticket of a 409', async () => {
    const current = { id: 't1', version: 4 };
    const response = new Response(JSON.stringify({ title: 'Conflict', status: 409, current }), { status: 409 });
    const error = await problemFromResponse(response);
    expect(error.status).toBe(409);
    expect(error.extension('current')).toEqual(current);
    expect(error.extension('missing')).toBeUndefined();
  });

  it('falls back to the HTTP status when the body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = await problemFromResponse(response);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.detail).toBe('<html>Bad gateway</html>');
    expect(error.errors).toEqual([]);
  });

  it('handles an empty body', async () => {
    const error = await problemFromResponse(new Response(null, { status: 404 }));
    expect(error.status).toBe(404);
    expect(error.title).toBe('HTTP 404');
    expect(error.detail).toBeUndefined();
  });

  it('reads Retry-After in seconds', async () => {
    const response = new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), {
      status: 429,
      headers: { 'Retry-After': '30' },
    });
    expect((await problemFromResponse(response)).retryAfter).toBe(30);
  });

  it('ignores malformed error entries', async () => {
    const response = new Response(JSON.stringify({ title: 'Bad', status: 400, errors: [null, { field: 'q', message: 'too long' }, 'x'] }), {
      status: 400,
    });
    expect((await problemFromResponse(response)).errors).toEqual([{ field: 'q', message: 'too long' }]);
  });
});

describe('networkError', () => {
  it('is an ApiError with status 0 that keeps the cause message', () => {
    const error = networkError(new TypeError('Failed to fetch'));
    expect(isApiError(error)).toBe(true);
    expect(error.status).toBe(0);
    expect(error.detail).toBe('Failed to fetch');
  });
});
