import type { Ticket } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { respondByText, responseDueAt } from './respondBy';
import { useServerNow } from './ServerClockProvider';
import './sla.css';

/** "We will respond by …" on a customer's ticket while support owes an answer; nothing otherwise. */
export function RespondBy({ ticket, now: fixedNow }: { ticket: Ticket; now?: number | undefined }) {
  const t = useT();
  const [language] = useLanguage();
  const ticking = useServerNow();
  const dueAt = responseDueAt(ticket);
  if (dueAt === null) return null;
  return (
    <p className="respond-by" data-testid="respond-by" role="status">
      {respondByText(dueAt, fixedNow ?? ticking, language, t)}
    </p>
  );
}
