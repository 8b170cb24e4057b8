import { AssistTicketWatch } from '../assist/CustomerAssistContext';
import { useT } from '../i18n/I18nProvider';
import { SurveyPanel } from '../satisfaction/SurveyPanel';
import { TicketDetailView, type TicketDetailProps } from '../tickets/TicketDetailView';
import type { TicketState } from '../tickets/useTicket';
import { StatusBadge } from '../ui/StatusBadge';

const FINISHED = new Set(['SOLVED', 'CLOSED']);

/** A customer's ticket: what they wrote, the conversation with support, what happened since, and "mark solved". */
export function PortalTicketDetail(props: TicketDetailProps) {
  return (
    <TicketDetailView
      {...props}
      staff={false}
      badges={(ticket) => <StatusBadge status={ticket.status} />}
      actions={(ticket, state) => (
        <>
          <AssistTicketWatch ticketId={ticket.id} stream={state.live ? state.stream : null} />
          {FINISHED.has(ticket.status) ? <SurveyPanel key={ticket.id} api={props.api} ticketId={ticket.id} /> : <MarkSolved state={state} />}
        </>
      )}
    />
  );
}

function MarkSolved({ state }: { state: TicketState }) {
  const t = useT();
  return (
    <section className="panel actions">
      <p className="muted">{t('detail.markSolvedHint')}</p>
      <button
        type="button"
        className="button button-primary"
        data-testid="mark-solved"
        disabled={state.saving}
        aria-busy={state.saving}
        onClick={() => void state.update({ status: 'SOLVED' })}
      >
        {state.saving ? t('detail.saving') : t('detail.markSolved')}
      </button>
    </section>
  );
}
