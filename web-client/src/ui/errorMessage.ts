import { isApiError } from '../api/problem';
import type { Translate } from '../i18n/language';

/** One sentence for the user about a failed call, in the current language. */
export function describeError(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    switch (error.status) {
      case 0:
        return t('error.network');
      case 403:
        return t('error.forbidden');
      case 404:
        return t('error.notFound');
      case 429:
        return t('error.tooMany');
      case 400:
        if (error.errors.length > 0) return t('error.validation');
        break;
      default:
        break;
    }
    return t('error.generic', { message: error.detail ?? error.title });
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('error.generic', { message });
}
