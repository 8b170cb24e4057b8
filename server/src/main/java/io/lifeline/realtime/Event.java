package io.lifeline.realtime;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * An event as clients see it: {@code {seq, stream, type, at, ticketId, data}}. Durable events have a seq that
 * strictly increases within their stream; ephemeral ones (typing, presence, wall board) have none.
 */
public record Event(Long seq, String stream, String type, Instant at, UUID ticketId, JsonNode data) {

	/** An ephemeral event: delivered to whoever is subscribed now, never stored or replayed. */
	public static Event ephemeral(String stream, String type, Instant at, UUID ticketId, JsonNode data) {
		return new Event(null, stream, type, at, ticketId, data);
	}

}
