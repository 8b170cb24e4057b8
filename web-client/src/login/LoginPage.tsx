import { api as defaultApi, type ApiClient } from '../api/client';
import { homePathFor, saveSession } from '../api/session';
import type { LoginResponse } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LoginForm } from './LoginForm';

/** Keeps the session for this tab and opens the page of the user's role. */
function enter(login: LoginResponse): void {
  saveSession({ token: login.token, expiresAt: login.expiresAt, user: login.user });
  window.location.assign(homePathFor(login.user.role));
}

export function LoginPage({ api = defaultApi, onLoggedIn = enter }: { api?: ApiClient; onLoggedIn?: (login: LoginResponse) => void }) {
  const t = useT();
  return (
    <div className="login-page">
      <div className="login-tools">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <p className="muted login-subtitle">{t('login.subtitle')}</p>
        <h1 className="login-title">{t('login.title')}</h1>
        <LoginForm api={api} onLoggedIn={onLoggedIn} />
      </main>
    </div>
  );
}
