package io.lifeline.tickets;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a ticket. Allowed changes:
 * <pre>
 * NEW      -> OPEN, PENDING, ON_HOLD, SOLVED, CLOSED
 * OPEN     -> PENDING, ON_HOLD, SOLVED, CLOSED
 * PENDING  -> OPEN, ON_HOLD, SOLVED, CLOSED      (waiting on the customer: SLA clocks pause)
 * ON_HOLD  -> OPEN, PENDING, SOLVED, CLOSED      (waiting on a third party or engineering)
 * SOLVED   -> OPEN, CLOSED                       (reopened, or closed for good)
 * CLOSED   -> nothing                            (final; a follow-up is a new ticket)
 * </pre>
 * Nothing goes back to NEW: it means "nobody has looked at this yet".
 */
public enum TicketStatus {

	NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

	private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
			NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED, CLOSED),
			OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED, CLOSED),
			PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED, CLOSED),
			ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED, CLOSED),
			SOLVED, EnumSet.of(OPEN, CLOSED),
			CLOSED, EnumSet.noneOf(TicketStatus.class));

	public boolean canBecome(TicketStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<TicketStatus> next() {
		return Set.copyOf(NEXT.get(this));
	}

	/** Solved or closed: the work is done. */
	public boolean isDone() {
		return this == SOLVED || this == CLOSED;
	}

}
