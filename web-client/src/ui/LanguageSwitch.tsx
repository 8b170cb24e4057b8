import { useId } from 'react';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { isLanguage, LANGUAGES } from '../i18n/language';

/** A labelled select of the supported languages; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select
        id={id}
        data-testid="language-switch"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`lang.${option}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
