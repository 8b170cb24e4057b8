package io.lifeline.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.sla.SlaView;

/** A row of {@code tickets} with the names of the people it points at. */
record TicketRecord(UUID id, long number, String subject, String description, TicketStatus status,
		Priority priority, UUID customerId, String customerName, UUID assigneeId, String assigneeName,
		List<String> tags, Instant createdAt, Instant updatedAt, long version, Instant firstRespondedAt,
		Instant solvedAt, Instant firstResponseDueAt, Instant resolutionDueAt, Duration warnBefore) {

	Ticket toTicket(Instant now) {
		SlaView sla = SlaView.of(priority.name(), now, status.isDone(), status == TicketStatus.PENDING,
				new SlaView.SlaClocks(firstResponseDueAt, resolutionDueAt, firstRespondedAt, solvedAt, warnBefore));
		Party assignee = assigneeId == null ? null : new Party(assigneeId, assigneeName);
		return new Ticket(id, number, subject, description, status, priority, new Party(customerId, customerName),
				assignee, tags, createdAt, updatedAt, version, sla, null);
	}

	boolean isVisibleTo(io.lifeline.identity.CurrentUser user) {
		return user.isStaff() || customerId.equals(user.id());
	}

}
