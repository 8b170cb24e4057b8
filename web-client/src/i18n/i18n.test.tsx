import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { I18nProvider, useLanguage, useT } from './I18nProvider';
import { dictionaries, format, initialLanguage, LANGUAGE_KEY, languageFromTag, LANGUAGES, translator } from './language';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in every language', () => {
    const reference = Object.keys(en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(dictionaries[language]).sort(), language).toEqual(reference);
    }
  });

  it('have no empty text and the same placeholders as English', () => {
    for (const [key, english] of Object.entries(en)) {
      const chinese = zhCN[key as keyof typeof en];
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(english));
    }
  });

  it('really are translated', () => {
    expect(zhCN['login.submit']).toBe('登录');
    expect(zhCN['login.error.invalid']).not.toBe(en['login.error.invalid']);
  });
});

describe('format and translator', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translator('en')('header.signedInAs', { name: 'Alice' })).toBe('Signed in as Alice');
    expect(translator('zh-CN')('portal.created', { number: 7 })).toBe('工单 #7 已创建。');
  });
});

describe('language choice', () => {
  it('maps browser tags', () => {
    expect(languageFromTag('zh')).toBe('zh-CN');
    expect(languageFromTag('zh-Hans-CN')).toBe('zh-CN');
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('de')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });

  it('prefers the remembered choice over the browser', () => {
    localStorage.setItem(LANGUAGE_KEY, 'zh-CN');
    expect(initialLanguage()).toBe('zh-CN');
    localStorage.setItem(LANGUAGE_KEY, 'klingon');
    expect(initialLanguage()).toBe(languageFromTag(navigator.language));
  });
});

function Probe() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <div>
      <p data-testid="text">{t('login.submit')}</p>
      <button type="button" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
        switch
      </button>
    </div>
  );
}

describe('I18nProvider', () => {
  it('switches language, remembers it and sets the document language', () => {
    render(
      <I18nProvider language="en">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');

    act(() => screen.getByRole('button', { name: 'switch' }).click());
    expect(screen.getByTestId('text').textContent).toBe('登录');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LANGUAGE_KEY, 'zh-CN');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByTestId('text').textContent).toBe('登录');
  });

  it('useT outside a provider fails loudly', () => {
    const silence = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<Probe />)).toThrow(/I18nProvider/);
    } finally {
      console.error = silence;
    }
  });
});
