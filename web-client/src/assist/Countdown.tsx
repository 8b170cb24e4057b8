import { useT } from '../i18n/I18nProvider';
import { useNow } from '../ui/useNow';
import { msLeft } from '../webrtc/assistState';

/** m:ss until `expiresAt` (server clock: `skewMs` is server minus local). */
export function formatLeft(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function Countdown({ expiresAt, skewMs = 0, testId }: { expiresAt: string | null | undefined; skewMs?: number; testId?: string }) {
  const t = useT();
  const now = useNow();
  const left = msLeft(expiresAt, now, skewMs);
  return (
    <span className="assist-countdown" data-testid={testId} data-ms-left={left}>
      {t('assist.expiresIn', { time: formatLeft(left) })}
    </span>
  );
}
