package io.lifeline.tickets;

import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.sla.SlaClocks;

/**
 * A ticket as chat reads it before writing messages to it, unlocked: who may write there, and what a message does to
 * its SLA clocks ({@link TicketService#recordMessage}).
 */
public final class MessageTarget {

	private final UUID id;

	private final UUID customerId;

	final TicketStatus status;

	final SlaClocks sla;

	private final Ticket changed;

	MessageTarget(UUID id, UUID customerId, TicketStatus status, SlaClocks sla, Ticket changed) {
		this.id = id;
		this.customerId = customerId;
		this.status = status;
		this.sla = sla;
		this.changed = changed;
	}

	public UUID id() {
		return id;
	}

	/** Staff see every ticket, a customer only their own. */
	public boolean visibleTo(CurrentUser user) {
		return user.isStaff() || customerId.equals(user.id());
	}

	/** The ticket as the message that produced this target left it, when that message changed its SLA; else null. */
	public Ticket changed() {
		return changed;
	}

}
