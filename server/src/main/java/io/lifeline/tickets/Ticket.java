package io.lifeline.tickets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.sla.SlaView;

/** A ticket as the contract shows it. */
public record Ticket(UUID id, long number, String subject, String description, TicketStatus status,
		Priority priority, Party customer, Party assignee, List<String> tags, Instant createdAt, Instant updatedAt,
		long version, SlaView sla) {
}
