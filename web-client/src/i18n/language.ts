import { en, type Dictionary, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the language the user picked. */
export const LANGUAGE_KEY = 'lifeline.lang';

export const dictionaries: Record<Language, Dictionary> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Maps a browser language tag (`zh`, `zh-Hans-CN`, `en-GB`, …) to a supported language. */
export function languageFromTag(tag: string | undefined | null): Language {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The stored choice if any, otherwise the browser's preferred language. */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage blocked: fall through to the browser language
  }
  const nav = globalThis.navigator;
  return languageFromTag(nav?.languages?.[0] ?? nav?.language);
}

export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

export function translator(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => format(dictionary[key] ?? en[key] ?? key, params);
}
