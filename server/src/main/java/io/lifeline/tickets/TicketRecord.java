package io.lifeline.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.sla.SlaClocks;
import io.lifeline.sla.SlaView;

/** A row of {@code tickets} with the names of the people it points at. */
record TicketRecord(UUID id, long number, String subject, String description, TicketStatus status,
		Priority priority, UUID customerId, String customerName, UUID assigneeId, String assigneeName,
		List<String> tags, Instant createdAt, Instant updatedAt, long version, Instant firstRespondedAt,
		Instant solvedAt, SlaClocks sla, Intake intake) {

	Ticket toTicket(Instant now) {
		Party assignee = assigneeId == null ? null : new Party(assigneeId, assigneeName);
		return new Ticket(id, number, subject, description, status, priority, new Party(customerId, customerName),
				assignee, tags, createdAt, updatedAt, version,
				SlaView.of(sla, now, status.isDone(), status == TicketStatus.PENDING), null,
				intake == null || intake.isEmpty() ? null : intake);
	}

	boolean isVisibleTo(io.lifeline.identity.CurrentUser user) {
		return user.isStaff() || customerId.equals(user.id());
	}

	TicketRecord withSla(SlaClocks clocks, Instant firstResponded) {
		return new TicketRecord(id, number, subject, description, status, priority, customerId, customerName,
				assigneeId, assigneeName, tags, createdAt, updatedAt, version, firstResponded, solvedAt, clocks, intake);
	}

	/** The next version: the changed fields, {@code updatedAt} now. */
	TicketRecord next(TicketStatus newStatus, Priority newPriority, UUID newAssignee, List<String> newTags,
			Instant newSolvedAt, SlaClocks clocks, Instant now) {
		return new TicketRecord(id, number, subject, description, newStatus, newPriority, customerId, customerName,
				newAssignee, null, newTags, createdAt, now, version + 1, firstRespondedAt, newSolvedAt, clocks, intake);
	}

}
