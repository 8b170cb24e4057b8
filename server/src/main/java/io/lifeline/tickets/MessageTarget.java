package io.lifeline.tickets;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;

/**
 * A ticket as chat reads it before writing messages to it, unlocked: who may write there, and the SLA clocks a
 * message moves ({@link TicketService#recordMessage(MessageTarget, boolean, Instant)}).
 */
public final class MessageTarget {

	final TicketRecord record;

	private final Ticket changed;

	MessageTarget(TicketRecord record, Ticket changed) {
		this.record = record;
		this.changed = changed;
	}

	public UUID id() {
		return record.id();
	}

	/** Staff see every ticket, a customer only their own. */
	public boolean visibleTo(CurrentUser user) {
		return user.isStaff() || record.customerId().equals(user.id());
	}

	/** The ticket as the message that produced this target left it, when that message changed its SLA; else null. */
	public Ticket changed() {
		return changed;
	}

}
