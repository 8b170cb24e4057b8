import type { TicketStatus } from '../api/types';
import { useT } from '../i18n/I18nProvider';

export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useT();
  return <span className={`badge status status-${status.toLowerCase().replace('_', '-')}`}>{t(`status.${status}`)}</span>;
}
