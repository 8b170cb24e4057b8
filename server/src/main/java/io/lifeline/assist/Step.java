package io.lifeline.assist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lifeline.identity.Actor;
import io.lifeline.system.ApiProblem;

/**
 * One step's outcome: the session after it, the events that record it (none when nothing changed, as for a
 * repeated {@code shown}), and, for a refused attempt that is itself recorded, the problem the caller gets once the
 * record has committed.
 */
record Step(AssistSession session, List<Entry> entries, ApiProblem refusal) {

	static Step of(AssistSession session, String event, Actor actor, Instant at) {
		return unchanged(session).and(event, actor, at, Map.of());
	}

	static Step unchanged(AssistSession session) {
		return new Step(session, List.of(), null);
	}

	/** Into a final state, recorded by the event of that state; {@code by} is null for a timeout. */
	static Step finished(AssistSession session, AssistState end, Actor by, String why, Instant at) {
		return of(session.finished(end, by, why, at), AssistEvents.finalType(end), by, at);
	}

	/** One more event, about the session as this step leaves it. */
	Step and(String event, Actor actor, Instant at, Map<String, ?> extra) {
		List<Entry> more = new ArrayList<>(entries);
		more.add(new Entry(event, actor, at, extra));
		return new Step(session, List.copyOf(more), refusal);
	}

	/** The caller gets this problem, after the step's record has committed. */
	Step refused(ApiProblem problem) {
		return new Step(session, entries, problem);
	}

	boolean changed() {
		return !entries.isEmpty();
	}

	boolean recorded(String event) {
		return entries.stream().anyMatch(entry -> entry.event().equals(event));
	}

	/** An event to append: type, who did it (null for nobody), when, and what it adds to the session's data. */
	record Entry(String event, Actor actor, Instant at, Map<String, ?> extra) {
	}

}
