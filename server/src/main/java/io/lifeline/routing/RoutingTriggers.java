package io.lifeline.routing;

import java.util.Objects;
import java.util.UUID;

import io.lifeline.system.AfterCommit;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketListener;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Asks for a routing pass once a change that may let a ticket be assigned commits: a ticket opened (or put back in
 * the queue), or an agent freed (a ticket solved, closed or taken away from them). Also when an agent's status
 * changes on this node.
 */
@Component
class RoutingTriggers implements TicketListener {

	private final Dispatcher dispatcher;

	RoutingTriggers(Dispatcher dispatcher, AgentDirectory agents) {
		this.dispatcher = dispatcher;
		agents.changes().subscribe(user -> dispatcher.request());
	}

	@Override
	public Mono<Void> created(Ticket ticket, UUID actorId) {
		return AfterCommit.run(dispatcher::request);
	}

	@Override
	public Mono<Void> changed(Change change) {
		UUID assignee = change.ticket().assignee() == null ? null : change.ticket().assignee().id();
		boolean freed = change.finished()
				|| (change.previousAssigneeId() != null && !Objects.equals(change.previousAssigneeId(), assignee));
		return freed ? AfterCommit.run(dispatcher::request) : Mono.empty();
	}

}
