import { useId, useState, type FormEvent } from 'react';
import { PRIORITIES, TICKET_STATUSES, type Priority, type Ticket, type TicketPatch, type TicketStatus, type User } from '../api/types';
import { useT } from '../i18n/I18nProvider';

interface TicketActionsProps {
  ticket: Ticket;
  user: User;
  saving: boolean;
  onUpdate: (patch: TicketPatch) => void;
}

/**
 * Status and priority (saved together with one button) and quick assignment.
 * Render it with `key={ticket.version}` so a newer version (saved, or after a conflict) resets the drafts.
 */
export function TicketActions({ ticket, user, saving, onUpdate }: TicketActionsProps) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<TicketStatus>(ticket.status);
  const [priority, setPriority] = useState<Priority>(ticket.priority);

  const dirty = status !== ticket.status || priority !== ticket.priority;
  const mine = ticket.assignee?.id === user.id;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch: TicketPatch = {};
    if (status !== ticket.status) patch.status = status;
    if (priority !== ticket.priority) patch.priority = priority;
    if (Object.keys(patch).length > 0) onUpdate(patch);
  }

  return (
    <section className="panel actions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('detail.actions')}
      </h2>
      <form className="actions-form" onSubmit={save}>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('detail.status')}</label>
          <select id={`${id}-status`} data-testid="detail-status" value={status} onChange={(event) => setStatus(event.target.value as TicketStatus)} disabled={saving}>
            {TICKET_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>{t('detail.priority')}</label>
          <select id={`${id}-priority`} data-testid="detail-priority" value={priority} onChange={(event) => setPriority(event.target.value as Priority)} disabled={saving}>
            {PRIORITIES.map((option) => (
              <option key={option} value={option}>
                {option} · {t(`priority.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-primary" data-testid="detail-save" disabled={!dirty || saving} aria-busy={saving}>
          {saving ? t('detail.saving') : t('detail.save')}
        </button>
      </form>
      <div className="actions-row">
        {mine ? (
          <button type="button" className="button" data-testid="unassign" onClick={() => onUpdate({ assigneeId: null })} disabled={saving}>
            {t('detail.unassign')}
          </button>
        ) : (
          <button type="button" className="button" data-testid="assign-to-me" onClick={() => onUpdate({ assigneeId: user.id })} disabled={saving}>
            {t('detail.assignToMe')}
          </button>
        )}
      </div>
    </section>
  );
}
