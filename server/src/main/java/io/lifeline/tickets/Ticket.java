package io.lifeline.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lifeline.sla.SlaView;

/**
 * A ticket as the contract shows it, plus {@code unread} for staff (the customer's messages past their read mark;
 * absent elsewhere, events included).
 */
public record Ticket(UUID id, long number, String subject, String description, TicketStatus status,
		Priority priority, Party customer, Party assignee, List<String> tags, Instant createdAt, Instant updatedAt,
		long version, SlaView sla, @JsonInclude(JsonInclude.Include.NON_NULL) Long unread) {

	Ticket withUnread(Long count) {
		return new Ticket(id, number, subject, description, status, priority, customer, assignee, tags, createdAt,
				updatedAt, version, sla, count);
	}

}
