package io.lifeline.sla;

import java.time.Duration;

import io.lifeline.tickets.Priority;

/**
 * The targets a priority is held to: {@code {priority, firstResponse, nextResponse, resolution, warnBefore,
 * calendar, escalation}}. {@code warnBefore} is business time before each due time; {@code nextResponse} may be
 * null (no next-response target).
 */
public record SlaPolicy(Priority priority, Duration firstResponse, Duration nextResponse, Duration resolution,
		Duration warnBefore, String calendar, Escalation escalation) {

	/** What a breach does besides alerting: tell the supervisors, and hand the ticket to a group. */
	public record Escalation(boolean notifySupervisors, String reassignToGroup) {

		static final Escalation DEFAULT = new Escalation(true, null);

	}

}
