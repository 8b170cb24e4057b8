package io.lifeline.realtime;

import tools.jackson.databind.json.JsonMapper;

/**
 * An event on its way to subscribers: what clients see ({@link Event}), who may see it, and the node that
 * published it. Durable events have a seq; ephemeral ones (typing, presence, wall board) have none.
 */
public record LoggedEvent(Event event, Audience audience, String origin) {

	public boolean durable() {
		return event.seq() != null;
	}

	public String stream() {
		return event.stream();
	}

	/** The seq of a durable event. */
	public long seq() {
		return event.seq();
	}

	/** The MESSAGE body, serialised once per event and shared by every subscriber on this node. */
	public byte[] body(JsonMapper json) {
		return json.writeValueAsBytes(event);
	}

}
