import type { TicketSla } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { SLA_CLOCKS, slaDueView } from './sla';
import { formatDateTime } from './time';
import { useNow } from './useNow';

/**
 * The next SLA due time of a ticket, relative to now, coloured by urgency. Without `now` it ticks
 * by itself every second (on the page's shared clock).
 */
export function SlaDue({ sla, now }: { sla: TicketSla | null | undefined; now?: number | undefined }) {
  const t = useT();
  const [language] = useLanguage();
  const ticking = useNow();
  const view = slaDueView(sla, now ?? ticking, t);
  if (!view.dueAt || !view.clock) return <span className={`sla sla-${view.tone}`}>{view.text}</span>;
  const clock = SLA_CLOCKS.find((entry) => entry.clock === view.clock);
  const title = `${clock ? t(clock.label) : ''} · ${formatDateTime(view.dueAt, language)}`;
  return (
    <time className={`sla sla-${view.tone}`} dateTime={view.dueAt} title={title}>
      {view.text}
    </time>
  );
}
