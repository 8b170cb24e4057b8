package io.lifeline.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.sla.SlaEngine;
import io.lifeline.sla.SlaTickets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Tickets as the SLA engine reads and changes them; every change goes through {@link TicketService#commit}. */
@Component
class TicketsForSla implements SlaTickets {

	private final TicketRepository tickets;

	private final TicketService service;

	private final SlaEngine sla;

	private final java.time.Clock clock;

	TicketsForSla(TicketRepository tickets, TicketService service, SlaEngine sla, java.time.Clock clock) {
		this.tickets = tickets;
		this.service = service;
		this.sla = sla;
		this.clock = clock;
	}

	@Override
	public Mono<SlaSubject> subject(UUID ticketId) {
		return tickets.find(ticketId)
			.map(ticket -> new SlaSubject(ticket.id(), ticket.toTicket(clock.instant()), ticket.priority(),
					ticket.assigneeId(), !ticket.status().isDone(), ticket.sla()));
	}

	@Override
	public Mono<Void> reassign(UUID ticketId, UUID assigneeId, String reason, Instant at) {
		return tickets.lock(ticketId).flatMap(current -> sla.rulesOf(current.sla()).flatMap(rules -> {
			TicketRecord next = current.next(current.status(), current.priority(), assigneeId, current.tags(),
					current.solvedAt(), current.sla().acknowledged(rules, at), at);
			return service.commit(current, next, null,
					Map.of("changed", List.of("assignee"), "assignmentReason", reason), at);
		})).then();
	}

	@Override
	public Mono<Void> acknowledge(UUID ticketId, UUID actorId, Instant at) {
		return tickets.lock(ticketId)
			.flatMap(current -> sla.rulesOf(current.sla())
				.map(rules -> current.sla().acknowledged(rules, at))
				.filter(after -> !after.equals(current.sla()))
				.flatMap(after -> service.commit(current, current.withSla(after, current.firstRespondedAt()), actorId,
						Map.of("changed", List.of("sla")), at)))
			.then();
	}

	@Override
	public Mono<Void> retarget(UUID ticketId, Instant at) {
		return tickets.lock(ticketId)
			.flatMap(current -> Mono.zip(sla.rulesOf(current.sla()), sla.rules(current.priority()))
				.map(rules -> current.sla().retargeted(rules.getT1(), rules.getT2(), at))
				.filter(after -> !after.equals(current.sla()))
				.flatMap(after -> service.commit(current, current.withSla(after, current.firstRespondedAt()), null,
						Map.of("changed", List.of("sla")), at)))
			.then();
	}

	@Override
	public Flux<UUID> open(Priority priority, UUID afterId, int limit) {
		return tickets.open(priority, afterId, limit);
	}

	@Override
	public Mono<Map<UUID, Long>> openLoad(Collection<UUID> staff) {
		return tickets.openLoad(staff).collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
