package io.lifeline.tickets;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Told of every ticket opened and changed, inside the transaction that does it, so what a listener writes commits
 * (or rolls back) with the change. A listener that wants to act after commit registers that itself.
 */
public interface TicketListener {

	default Mono<Void> created(Ticket ticket, UUID actorId) {
		return Mono.empty();
	}

	default Mono<Void> changed(Change change) {
		return Mono.empty();
	}

	/**
	 * A committed change: the ticket as it now is, what it was before, the fields that changed and who did it (null
	 * for the system).
	 */
	record Change(Ticket ticket, TicketStatus previousStatus, UUID previousAssigneeId, List<String> fields,
			UUID actorId) {

		/** Solved or closed by this change, from an open state. */
		public boolean finished() {
			return ticket.status().isDone() && !previousStatus.isDone();
		}

	}

}
