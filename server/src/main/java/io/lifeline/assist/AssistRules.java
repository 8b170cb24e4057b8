package io.lifeline.assist;

import java.util.Optional;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketStatus;

/**
 * Who may do what to a session, and which ticket changes end one. Staff see every session, a customer only those
 * on their tickets (404 for the rest); consent is the ticket's customer's alone.
 */
final class AssistRules {

	private AssistRules() {
	}

	/** The ticket's assignee asks; on an unassigned ticket any member of staff may. Not on a solved or closed one. */
	static void requireMayRequest(CurrentUser user, Ticket ticket) {
		if (!user.isStaff()) {
			throw ApiProblem.forbidden("Only agents ask to see a customer's screen");
		}
		if (ticket.assignee() != null && !ticket.assignee().id().equals(user.id())) {
			throw ApiProblem.forbidden("Only the ticket's assignee (" + ticket.assignee().displayName()
					+ ") may ask; an unassigned ticket, anyone on staff");
		}
		if (ticket.status().isDone()) {
			throw ApiProblem.illegalTransition("The ticket is " + ticket.status() + ": reopen it first");
		}
	}

	/** A 404 unless the user may see the session at all. */
	static void requireVisible(CurrentUser user, AssistSession session) {
		if (!user.isStaff() && !session.customerId().equals(user.id())) {
			throw ApiProblem.notFound("Assist session " + session.id());
		}
	}

	static void requireCustomer(CurrentUser user, AssistSession session, String action) {
		requireVisible(user, session);
		if (!session.customerId().equals(user.id())) {
			throw ApiProblem.forbidden("Only the ticket's customer may " + action + " a session");
		}
	}

	/** The session's agent, its customer, or a supervisor. */
	static void requireMayEnd(CurrentUser user, AssistSession session) {
		requireVisible(user, session);
		if (session.roleOf(user.id()).isEmpty() && user.role() != Role.SUPERVISOR) {
			throw ApiProblem.forbidden("Only the session's agent, its customer or a supervisor may end it");
		}
	}

	/**
	 * Why the ticket as it now is ends a live session, if it does: solved or closed, or assigned to someone other
	 * than the session's agent (a new agent needs a new consent). Left unassigned, the session goes on.
	 */
	static Optional<String> endedByTicket(TicketStatus status, UUID assigneeId, AssistSession session) {
		if (status.isDone()) {
			return Optional.of(AssistSession.TICKET_CLOSED);
		}
		if (assigneeId != null && !assigneeId.equals(session.agentId())) {
			return Optional.of(AssistSession.REASSIGNED);
		}
		return Optional.empty();
	}

	static Optional<String> endedByTicket(Ticket ticket, AssistSession session) {
		return endedByTicket(ticket.status(), ticket.assignee() == null ? null : ticket.assignee().id(), session);
	}

}
