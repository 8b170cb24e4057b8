package io.lifeline.knowledge;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.tickets.Party;

/**
 * A knowledge-update task: write or link an article for a ticket solved without one, by {@code dueAt};
 * {@code overdue} once that has passed with the task still open.
 */
record KnowledgeTask(UUID id, TicketRef ticket, Party assignee, Instant createdAt, Instant dueAt, Instant doneAt,
		UUID articleId, boolean overdue) {

	record TicketRef(UUID id, long number, String subject) {
	}

}
