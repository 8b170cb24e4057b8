package io.lifeline.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Tickets as routing changes them; implemented by the tickets feature. */
public interface RoutingTickets {

	/**
	 * Assigns a ticket that is still open and unassigned (a person who got there first wins), in the caller's
	 * transaction, as a {@code ticket.updated} event with {@code assignmentReason} and {@code details}; emits whether
	 * it did.
	 */
	Mono<Boolean> assignIfUnassigned(UUID ticketId, UUID agentId, String reason, Map<String, Object> details,
			Instant at);

}
