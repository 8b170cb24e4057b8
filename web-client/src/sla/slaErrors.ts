import { isApiError } from '../api/problem';
import type { Translate } from '../i18n/language';

/**
 * A sentence for a failed SLA call where the generic one would mislead: a 404 here means the server
 * offers no such thing (not "this ticket does not exist"). Null: describe it the usual way.
 */
export function slaErrorMessage(error: unknown, t: Translate): string | null {
  return isApiError(error) && error.status === 404 ? t('slaAdmin.unavailable') : null;
}
