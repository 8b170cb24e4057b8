import { isLanguage, type Language } from '../i18n/language';

const TOKEN_KEY = 'lifeline.wallboard.token';

/**
 * How the page was opened: `#token=<wall-board token>` (a screen with a read-only link; kept in sessionStorage so
 * a reload still works) and optionally `&lang=zh-CN`. The token lives in the fragment, so it never reaches server logs.
 */
export function readAccess(hash: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): { token: string | null; language: Language | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) storage?.setItem(TOKEN_KEY, fromHash);
  const lang = params.get('lang');
  return { token: fromHash ?? storage?.getItem(TOKEN_KEY) ?? null, language: isLanguage(lang) ? lang : null };
}
