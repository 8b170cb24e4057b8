import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { alice } from '../testing/fixtures';
import { jsonResponse, mockFetch, problem, type Handler } from '../testing/mockFetch';
import { renderWithI18n } from '../testing/renderWithI18n';
import { LoginForm } from './LoginForm';

function setup(handler: Handler, language: 'en' | 'zh-CN' = 'en') {
  const mock = mockFetch(handler);
  const onLoggedIn = vi.fn();
  renderWithI18n(<LoginForm api={createApiClient({ fetch: mock.fetch })} onLoggedIn={onLoggedIn} />, language);
  return { calls: mock.calls, onLoggedIn };
}

function submit(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginForm', () => {
  it('has labelled inputs', () => {
    setup(() => jsonResponse(200, {}));
    expect(screen.getByLabelText('Username')).toBe(screen.getByTestId('login-username'));
    expect(screen.getByLabelText('Password').getAttribute('type')).toBe('password');
  });

  it('posts the credentials and hands over the login on success', async () => {
    const login = { token: 'tok', expiresAt: '2999-01-01T00:00:00Z', user: alice };
    const { calls, onLoggedIn } = setup(() => jsonResponse(200, login));
    submit(' alice ', 'demo');
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(login));
    expect(calls[0]?.body).toEqual({ username: 'alice', password: 'demo' });
  });

  it('says wrong username or password on 401 and clears the password', async () => {
    const { onLoggedIn } = setup(() => problem(401, 'Unauthorized', { detail: 'Bad credentials' }));
    submit('alice', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong username or password.');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('login-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('says too many attempts on 429, with the wait when the server gives one', async () => {
    setup(() => problem(429, 'Too Many Requests', {}, { 'Retry-After': '42' }));
    submit('alice', 'x');
    expect((await screen.findByRole('alert')).textContent).toContain('Too many attempts. Try again in 42 s.');
  });

  it('speaks Chinese when asked', async () => {
    setup(() => problem(429, 'Too Many Requests'), 'zh-CN');
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    submit('alice', 'x');
    expect((await screen.findByRole('alert')).textContent).toContain('尝试次数过多');
  });

  it('does not call the server with empty fields', () => {
    const { calls } = setup(() => jsonResponse(200, {}));
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(screen.getByRole('alert').textContent).toContain('Enter your username and password.');
    expect(calls).toHaveLength(0);
  });

  it('reports an unreachable server', async () => {
    setup(() => {
      throw new TypeError('Failed to fetch');
    });
    submit('alice', 'demo');
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot reach the server');
  });
});
