package io.lifeline.tickets;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tickets}. Unknown fields are refused by the JSON reader. */
record CreateTicketRequest(@NotBlank @Size(max = 200) String subject,
		@NotBlank @Size(max = 20_000) String description, Priority priority, UUID customerId,
		@Size(max = Tags.MAX_TAGS) List<String> tags, Intake intake) {

	CreateTicketRequest(String subject, String description, Priority priority, UUID customerId, List<String> tags) {
		this(subject, description, priority, customerId, tags, null);
	}

}
