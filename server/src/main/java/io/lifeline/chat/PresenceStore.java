package io.lifeline.chat;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Who is looking at which ticket, shared by all nodes. Each entry expires unless touched again, so the viewers of
 * a node that crashed fade away on their own. Two implementations: in memory (one node) and Redis (several).
 */
interface PresenceStore {

	/** Records (or refreshes) that a viewer's session is on the ticket until {@code expiresAtMillis}. */
	Mono<Void> touch(UUID ticketId, Viewer viewer, String sessionId, long expiresAtMillis);

	Mono<Void> remove(UUID ticketId, Viewer viewer, String sessionId);

	/** The viewers whose entries have not expired at {@code nowMillis}, each once. */
	Mono<List<Viewer>> viewers(UUID ticketId, long nowMillis);

	/** A person on a ticket: {@code {id, displayName, role}}. */
	record Viewer(UUID id, String displayName, String role) {

		String member(String sessionId) {
			return id + "|" + sessionId + "|" + role + "|" + displayName;
		}

		static Viewer fromMember(String member) {
			String[] parts = member.split("\\|", 4);
			return new Viewer(UUID.fromString(parts[0]), parts[3], parts[2]);
		}

	}

}
