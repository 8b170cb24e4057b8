package io.lifeline.assist;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The timeline record of each assist step: an event on the ticket's stream whose data is the session as it is after
 * the step, plus {@code actor} (who did it, absent for a timeout) and whatever the step adds. Appended in the caller's
 * transaction, with the change it records.
 */
@Component
class AssistEvents {

	static final String REQUESTED = "assist.requested";

	static final String SHOWN = "assist.shown";

	static final String CONSENTED = "assist.consented";

	static final String DECLINED = "assist.declined";

	static final String JOINED = "assist.joined";

	static final String SCOPES_CHANGED = "assist.scopes-changed";

	static final String REVOKED = "assist.revoked";

	static final String ENDED = "assist.ended";

	static final String EXPIRED = "assist.expired";

	static final String REFUSED = "assist.refused";

	private final EventLog log;

	private final JsonMapper json;

	AssistEvents(EventLog log, JsonMapper json) {
		this.log = log;
		this.json = json;
	}

	Mono<AssistSession> record(String type, AssistSession session, Actor actor, Instant at) {
		return record(type, session, actor, at, Map.of());
	}

	Mono<AssistSession> record(String type, AssistSession session, Actor actor, Instant at, Map<String, ?> extra) {
		ObjectNode data = json.valueToTree(session);
		if (actor != null) {
			data.set("actor", json.valueToTree(actor));
		}
		extra.forEach((name, value) -> data.set(name, json.valueToTree(value)));
		// Refused attempts may name someone the customer should not learn of: staff only.
		Audience audience = REFUSED.equals(type) ? Audience.AGENTS : Audience.ALL;
		return log.appendTicketEvent(new NewEvent(type, session.ticketId(), audience,
				actor == null ? null : actor.id(), at, data)).thenReturn(session);
	}

	/** What an {@code assist.refused} event adds: {@code attempt: {who: {id, displayName}, reason}}. */
	static Map<String, Object> attempt(UUID who, String displayName, String reason) {
		return Map.of("attempt", Map.of("who", Map.of("id", who, "displayName", displayName), "reason", reason));
	}

	/** The event that records a session's final state. */
	static String finalType(AssistState state) {
		return switch (state) {
			case DECLINED -> DECLINED;
			case REVOKED -> REVOKED;
			case EXPIRED -> EXPIRED;
			default -> ENDED;
		};
	}

}
