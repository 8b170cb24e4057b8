import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Language } from '../i18n/language';

/** Renders inside the language provider, English unless told otherwise. */
export function renderWithI18n(ui: ReactElement, language: Language = 'en') {
  return render(<I18nProvider language={language}>{ui}</I18nProvider>);
}
