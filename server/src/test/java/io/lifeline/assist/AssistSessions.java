package io.lifeline.assist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.signaling.Scope;
import io.lifeline.tickets.Party;
import io.lifeline.tickets.Priority;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketStatus;

/** Sessions, people and tickets for unit tests. */
final class AssistSessions {

	static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

	static final CurrentUser AGENT = new CurrentUser(UUID.randomUUID(), "alice", "Alice", Role.AGENT);

	static final CurrentUser OTHER_AGENT = new CurrentUser(UUID.randomUUID(), "bob", "Bob", Role.AGENT);

	static final CurrentUser SUPERVISOR = new CurrentUser(UUID.randomUUID(), "sam", "Sam", Role.SUPERVISOR);

	static final CurrentUser CUSTOMER = new CurrentUser(UUID.randomUUID(), "carol", "Carol", Role.CUSTOMER);

	static final CurrentUser OTHER_CUSTOMER = new CurrentUser(UUID.randomUUID(), "dave", "Dave", Role.CUSTOMER);

	private AssistSessions() {
	}

	static AssistSession requested(Scope... scopes) {
		return AssistSession.requested(UUID.randomUUID(), UUID.randomUUID(), 1042, Actor.of(AGENT), CUSTOMER.id(),
				CUSTOMER.displayName(), List.of(scopes), "to see the error", NOW, Duration.ofSeconds(60));
	}

	static AssistSession consented(Scope... scopes) {
		return requested(Scope.VIEW, Scope.POINTER, Scope.CONTROL).consented(List.of(scopes), NOW.plusSeconds(5),
				Duration.ofMinutes(30));
	}

	static Ticket ticket(TicketStatus status, CurrentUser assignee) {
		return new Ticket(UUID.randomUUID(), 1042, "s", "d", status, Priority.P2,
				new Party(CUSTOMER.id(), CUSTOMER.displayName()),
				assignee == null ? null : new Party(assignee.id(), assignee.displayName()), List.of(), NOW, NOW, 1, null,
				null);
	}

}
