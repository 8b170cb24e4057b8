import { isApiError } from '../../api/problem';

/**
 * Whether a problem's `field` names this form field: the same name, a part of it (`hours.MONDAY[0].to`
 * is about `hours.MONDAY`), or the same name under a prefix the server may add (`policy.firstResponse`,
 * `escalation.reassignToGroup` for `reassignToGroup`).
 */
export function fieldMatches(field: string, key: string): boolean {
  const normalized = field.trim();
  if (normalized === key) return true;
  if (normalized.startsWith(`${key}.`) || normalized.startsWith(`${key}[`)) return true;
  return normalized.endsWith(`.${key}`) || normalized.includes(`.${key}.`) || normalized.includes(`.${key}[`);
}

export interface SplitErrors {
  /** Messages for each known field, to show beside it. */
  byField: Record<string, string[]>;
  /** Messages that name no known field (or none at all), to show above the form. */
  other: string[];
}

/**
 * The validation errors of a problem+json answer (`errors: [{field, message}]`) sorted by the form's
 * fields; the most specific key wins (`hours.MONDAY` over `hours`).
 */
export function splitFieldErrors(error: unknown, keys: readonly string[]): SplitErrors {
  const split: SplitErrors = { byField: {}, other: [] };
  if (!isApiError(error)) return split;
  const bySpecificity = [...keys].sort((a, b) => b.length - a.length);
  for (const { field, message } of error.errors) {
    const key = field ? bySpecificity.find((candidate) => fieldMatches(field, candidate)) : undefined;
    if (key) (split.byField[key] ??= []).push(message);
    else split.other.push(field ? `${field}: ${message}` : message);
  }
  return split;
}
