package io.lifeline.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The war room of an open P1: {@code {ticket, openedAt, acknowledgeDueAt, acknowledgedAt, participants}}. Joining
 * it acknowledges the P1; so do an assignment and a public reply.
 */
record Incident(Object ticket, Instant openedAt, Instant acknowledgeDueAt, Instant acknowledgedAt,
		List<Participant> participants) {

	static Incident of(SlaTickets.SlaSubject subject, Instant openedAt, List<Participant> participants) {
		var acknowledge = subject.clocks().find(ClockKind.ACKNOWLEDGE);
		return new Incident(subject.ticket(), openedAt,
				acknowledge.filter(SlaClock::isRunning).map(SlaClock::dueAt).orElse(null),
				acknowledge.map(SlaClock::metAt).orElse(null), participants);
	}

	record Participant(UUID id, String displayName, Instant joinedAt) {
	}

}
