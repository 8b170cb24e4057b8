package io.lifeline.knowledge;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.tickets.Party;

/** A knowledge-base article: what the problem looks like, why it happens, and how to solve it. */
record Article(UUID id, String title, String module, String faultType, String symptoms, String cause,
		String solution, ArticleStatus status, Party author, Party editor, Instant createdAt, Instant updatedAt,
		Instant publishedAt, long version) {

	boolean isVisibleTo(io.lifeline.identity.CurrentUser user) {
		return user.isStaff() || status == ArticleStatus.PUBLISHED;
	}

	java.util.List<String> terms() {
		return Terms.of(title, module, faultType, symptoms, cause, solution);
	}

}
