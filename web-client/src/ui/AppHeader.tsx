import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { LiveConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitch } from './LanguageSwitch';

interface AppHeaderProps {
  /** Name of the area: agent console or customer portal. */
  area: string;
  /** Link target of the brand, usually the area's ticket list. */
  homeHref?: string;
  user: User | null;
  onLogout?: () => void;
  /** More controls before the language switch (e.g. the console's alert sound). */
  tools?: ReactNode;
}

export function AppHeader({ area, homeHref = '#/', user, onLogout, tools }: AppHeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <a className="brand" href={homeHref}>
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-area">{area}</span>
      </a>
      <div className="header-tools">
        <LiveConnectionIndicator />
        {tools}
        <LanguageSwitch />
        {user && (
          <span className="user-name" data-testid="user-name" title={t('header.signedInAs', { name: user.displayName })}>
            {user.displayName}
          </span>
        )}
        {onLogout && (
          <button type="button" className="button button-small" onClick={onLogout} data-testid="logout">
            {t('header.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
