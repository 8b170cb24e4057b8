package io.lifeline.sla;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An SLA alert: {@code sla.warning}, {@code sla.breached} or {@code sla.escalated}, with data
 * {@code {ticket, clock, dueAt, reason?}}, for the ticket's timeline and the recipients' alert queues.
 */
record Alert(String type, SlaTickets.SlaSubject subject, ClockKind clock, Instant dueAt, String reason, Instant at,
		Set<UUID> recipients) {

	static final String WARNING = "sla.warning";

	static final String BREACHED = "sla.breached";

	static final String ESCALATED = "sla.escalated";

	/** Escalation reasons. */
	static final String P1_OPENED = "p1-opened";

	static final String P1_UNACKNOWLEDGED = "p1-unacknowledged";

	static final String BREACH = "breach";

	Map<String, Object> data() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("ticket", subject.ticket());
		data.put("clock", clock);
		data.put("dueAt", dueAt);
		if (reason != null) {
			data.put("reason", reason);
		}
		return data;
	}

	UUID ticketId() {
		return subject.ticketId();
	}

}
