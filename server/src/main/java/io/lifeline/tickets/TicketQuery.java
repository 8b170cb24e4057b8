package io.lifeline.tickets;

import java.util.Set;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;

/**
 * A ticket list request after parsing: filters, the caller's scope, an order and a page.
 *
 * @param customerId only this customer's tickets (set for customers), or null
 * @param assignee who the tickets must be assigned to
 * @param text words to look for in the subject, description or number, or null
 * @param byDue order by time to breach (soonest running due time first) instead of newest first
 * @param after the cursor: where the previous page ended, or null for the first page
 * @param viewer who is asking
 */
record TicketQuery(Set<TicketStatus> statuses, Set<Priority> priorities, AssigneeFilter assignee, String text,
		UUID customerId, boolean byDue, TicketCursor.Position after, int limit, CurrentUser viewer) {

	TicketQuery withLimit(int otherLimit) {
		return new TicketQuery(statuses, priorities, assignee, text, customerId, byDue, after, otherLimit, viewer);
	}

	sealed interface AssigneeFilter {

		record Anyone() implements AssigneeFilter {
		}

		record Nobody() implements AssigneeFilter {
		}

		record User(UUID id) implements AssigneeFilter {
		}

	}

}
