import type { TicketEvent } from '../api/types';
import { useLanguage, useT } from '../i18n/I18nProvider';
import { formatDateTime } from './time';
import { sortOldestFirst, summarizeEvent } from './timelineSummary';

/** Everything that happened to a ticket, oldest first. */
export function Timeline({ events, loading }: { events: readonly TicketEvent[]; loading?: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const ordered = sortOldestFirst(events);
  return (
    <section className="panel timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title" className="panel-title">
        {t('timeline.title')}
      </h2>
      {loading && events.length === 0 ? (
        <p className="muted">{t('common.loading')}</p>
      ) : ordered.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-list">
          {ordered.map((event, index) => {
            const summary = summarizeEvent(event, t, language);
            return (
              <li
                key={event.seq ?? `${event.type}-${event.at}-${index}`}
                className={`timeline-item type-${event.type.split('.')[0]}${summary.internal ? ' internal' : ''}`}
                data-testid="timeline-event"
                data-type={event.type}
              >
                <div className="timeline-head">
                  <span className="timeline-type">{summary.label}</span>
                  {summary.actor && <span className="timeline-actor">{summary.actor}</span>}
                  <time className="timeline-time" dateTime={event.at}>
                    {formatDateTime(event.at, language)}
                  </time>
                </div>
                {summary.detail && <p className="timeline-detail">{summary.detail}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
