package io.lifeline.tickets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.routing.RoutingTickets;
import io.lifeline.sla.SlaEngine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Auto-assignment through {@link TicketService#commit}: one locked row, one {@code ticket.updated} event. */
@Component
class TicketsForRouting implements RoutingTickets {

	private final TicketRepository tickets;

	private final TicketService service;

	private final SlaEngine sla;

	TicketsForRouting(TicketRepository tickets, TicketService service, SlaEngine sla) {
		this.tickets = tickets;
		this.service = service;
		this.sla = sla;
	}

	@Override
	public Mono<Boolean> assignIfUnassigned(UUID ticketId, UUID agentId, String reason, Map<String, Object> details,
			Instant at) {
		return tickets.lock(ticketId)
			.filter(current -> current.assigneeId() == null && !current.status().isDone())
			.flatMap(current -> sla.rulesOf(current.sla()).flatMap(rules -> {
				TicketRecord next = current.next(current.status(), current.priority(), agentId, current.tags(),
						current.solvedAt(), current.sla().acknowledged(rules, at), at);
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("changed", next.sla().equals(current.sla()) ? List.of("assignee")
						: List.of("assignee", "sla"));
				data.put("assignmentReason", reason);
				data.put("assignment", details);
				return service.commit(current, next, null, data, at);
			}))
			.map(ticket -> true)
			.defaultIfEmpty(false);
	}

}
