package io.lifeline.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.lifeline.tickets.Priority;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the SLA engine needs of tickets, implemented by the tickets feature. Methods that change a ticket run in the
 * caller's transaction and record their own events.
 */
public interface SlaTickets {

	/** The ticket as events show it, with what alerts need to know. */
	Mono<SlaSubject> subject(UUID ticketId);

	/** Hands the ticket to {@code assigneeId} ({@code ticket.updated} with {@code assignmentReason}). */
	Mono<Void> reassign(UUID ticketId, UUID assigneeId, String reason, Instant at);

	/** Someone took up the P1: its acknowledge clock is met. */
	Mono<Void> acknowledge(UUID ticketId, UUID actorId, Instant at);

	/** Measures the running clocks against the rules in force now (an edited policy or calendar). */
	Mono<Void> retarget(UUID ticketId, Instant at);

	/** Open tickets of a priority, by id, after {@code afterId} (null: from the start). */
	Flux<UUID> open(Priority priority, UUID afterId, int limit);

	/** Open tickets assigned to each of these people. */
	Mono<Map<UUID, Long>> openLoad(Collection<UUID> staff);

	/** A ticket and the people alerts about it go to. */
	record SlaSubject(UUID ticketId, Object ticket, Priority priority, UUID assigneeId, boolean open, SlaClocks clocks) {
	}

}
