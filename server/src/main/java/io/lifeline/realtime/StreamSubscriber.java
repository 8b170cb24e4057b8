package io.lifeline.realtime;

/**
 * One subscription to one stream, on this node. Calls come from the stream's own serialized pipeline, in seq order,
 * never two at once for the same stream.
 */
public interface StreamSubscriber {

	/** Whether staff-only events (internal notes) may reach this subscriber. */
	boolean staff();

	/** Delivers an event; {@code body} is its JSON, shared by every subscriber. */
	void deliver(LoggedEvent event, byte[] body);

	/** The subscriber asked to resume from further back than the log replays: it must reload, then go on. */
	void resyncRequired(String stream, long head);

}
