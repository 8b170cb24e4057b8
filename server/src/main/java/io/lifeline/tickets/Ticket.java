package io.lifeline.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lifeline.sla.SlaView;

/**
 * A ticket as the contract shows it, plus {@code unread} for staff (the customer's messages past their read mark;
 * absent elsewhere, events included) and {@code intake}, the problem snapshot (absent when nothing was collected).
 */
public record Ticket(UUID id, long number, String subject, String description, TicketStatus status,
		Priority priority, Party customer, Party assignee, List<String> tags, Instant createdAt, Instant updatedAt,
		long version, SlaView sla, @JsonInclude(JsonInclude.Include.NON_NULL) Long unread,
		@JsonInclude(JsonInclude.Include.NON_NULL) Intake intake) {

	public Ticket(UUID id, long number, String subject, String description, TicketStatus status, Priority priority,
			Party customer, Party assignee, List<String> tags, Instant createdAt, Instant updatedAt, long version,
			SlaView sla, Long unread) {
		this(id, number, subject, description, status, priority, customer, assignee, tags, createdAt, updatedAt,
				version, sla, unread, null);
	}

	Ticket withUnread(Long count) {
		return new Ticket(id, number, subject, description, status, priority, customer, assignee, tags, createdAt,
				updatedAt, version, sla, count, intake);
	}

}
