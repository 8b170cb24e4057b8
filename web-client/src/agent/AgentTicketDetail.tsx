import { AssistPanel } from '../assist/AssistPanel';
import { ProblemSnapshot } from '../knowledge/ProblemSnapshot';
import { TicketKnowledge } from '../knowledge/TicketKnowledge';
import { TicketDetailView, type TicketDetailProps } from '../tickets/TicketDetailView';
import { PriorityBadge } from '../ui/PriorityBadge';
import { StatusBadge } from '../ui/StatusBadge';
import { TicketActions } from './TicketActions';

/** A ticket in the console: everything about it, with status, priority and assignment to change. */
export function AgentTicketDetail(props: TicketDetailProps) {
  return (
    <TicketDetailView
      {...props}
      showSaved
      top={(ticket) => <ProblemSnapshot ticket={ticket} />}
      badges={(ticket) => (
        <div className="ticket-head-badges">
          <PriorityBadge priority={ticket.priority} />
          <StatusBadge status={ticket.status} />
        </div>
      )}
      actions={(ticket, state) => (
        <>
          <TicketActions key={ticket.version} ticket={ticket} user={props.user} saving={state.saving} onUpdate={(patch) => void state.update(patch)} />
          <AssistPanel api={props.api} ticket={ticket} stream={state.live ? state.stream : null} user={props.user} />
          <TicketKnowledge api={props.api} ticket={ticket} />
        </>
      )}
    />
  );
}
