import { useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { isApiError } from '../api/problem';
import type { LoginResponse } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/language';
import { ErrorBanner } from '../ui/ErrorBanner';
import { describeError } from '../ui/errorMessage';

interface LoginFormProps {
  api: ApiClient;
  onLoggedIn: (login: LoginResponse) => void;
}

function loginErrorText(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.status === 401 || error.status === 403) return t('login.error.invalid');
    if (error.status === 429) {
      return error.retryAfter ? t('login.error.tooManyRetry', { seconds: error.retryAfter }) : t('login.error.tooMany');
    }
  }
  return describeError(error, t);
}

export function LoginForm({ api, onLoggedIn }: LoginFormProps) {
  const t = useT();
  const ids = { username: useId(), password: useId() };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t('login.error.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const login = await api.login(username.trim(), password);
      onLoggedIn(login);
    } catch (failure) {
      setError(loginErrorText(failure, t));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <ErrorBanner message={error} />
      <div className="field">
        <label htmlFor={ids.username}>{t('login.username')}</label>
        <input
          id={ids.username}
          data-testid="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('login.password')}</label>
        <input
          id={ids.password}
          data-testid="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary button-block" data-testid="login-submit" disabled={busy} aria-busy={busy}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
