import { isApiError } from '../api/problem';
import { useT } from '../i18n/I18nProvider';
import { describeError } from './errorMessage';

interface ErrorBannerProps {
  /** The failure to describe; nothing is rendered when it is null or undefined. */
  error?: unknown;
  /** A ready sentence to show instead of describing `error`. */
  message?: string | null;
  tone?: 'error' | 'warning';
  onDismiss?: () => void;
  onRetry?: () => void;
}

/** A visible, announced (role=alert) error line with optional field errors, retry and dismiss. */
export function ErrorBanner({ error, message, tone = 'error', onDismiss, onRetry }: ErrorBannerProps) {
  const t = useT();
  if (!message && (error === null || error === undefined)) return null;
  const text = message ?? describeError(error, t);
  const fieldErrors = isApiError(error) ? error.errors : [];
  return (
    <div className={`banner banner-${tone}`} role="alert" data-testid="error-banner">
      <div className="banner-text">
        <p>{text}</p>
        {fieldErrors.length > 0 && (
          <ul>
            {fieldErrors.map((fieldError, index) => (
              <li key={`${fieldError.field}-${index}`}>
                {fieldError.field && <strong>{fieldError.field}: </strong>}
                {fieldError.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button-small button-quiet" onClick={onDismiss} aria-label={t('error.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
