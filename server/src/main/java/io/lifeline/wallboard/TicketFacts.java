package io.lifeline.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the KPIs need to know about one ticket, folded from its events: its current state, the moments that matter
 * (first staff reply, first resolution), and where its time went (per status, per assignee).
 */
final class TicketFacts {

	final UUID id;

	long number;

	String subject = "";

	String priority = "P3";

	String status = "NEW";

	UUID customerId;

	UUID assigneeId;

	String assigneeName;

	List<String> tags = List.of();

	Instant createdAt;

	/** The first public reply by staff. */
	Instant firstResponseAt;

	/** The first time it became SOLVED or CLOSED. */
	Instant resolvedAt;

	/** Set when a SOLVED ticket was opened again. */
	boolean reopened;

	/** Public replies by staff. */
	int staffReplies;

	/** An article was linked to it (knowledge-base adoption). */
	boolean kbLinked;

	/** Any SLA clock breached, ever. */
	boolean breached;

	/** The running SLA clocks as last seen: their due and warn times decide "at risk" and "breached" now. */
	List<Clock> clocks = List.of();

	Integer csat;

	Integer nps;

	Instant surveyAt;

	/** Time spent per status (closed intervals only; the current one runs from {@link #statusSince}). */
	final Map<String, Duration> timeInStatus = new LinkedHashMap<>();

	Instant statusSince;

	/** Time spent per assignee, by id; "none" while unassigned. */
	final Map<String, Duration> timeWithAssignee = new LinkedHashMap<>();

	final Map<String, String> assigneeNames = new LinkedHashMap<>();

	Instant assigneeSince;

	TicketFacts(UUID id) {
		this.id = id;
	}

	boolean open() {
		return !"SOLVED".equals(status) && !"CLOSED".equals(status);
	}

	/** Moves to a status at a time, closing the interval spent in the previous one. */
	void status(String next, Instant at) {
		if (statusSince != null && !next.equals(status)) {
			timeInStatus.merge(status, between(statusSince, at), Duration::plus);
			statusSince = at;
		}
		else if (statusSince == null) {
			statusSince = at;
		}
		if (!next.equals(status)) {
			boolean wasOpen = open();
			boolean nowOpen = !"SOLVED".equals(next) && !"CLOSED".equals(next);
			if (wasOpen && !nowOpen && assigneeSince != null) {
				timeWithAssignee.merge(key(assigneeId), between(assigneeSince, at), Duration::plus);
			}
			if (!wasOpen && nowOpen) {
				assigneeSince = at;
			}
			if ("SOLVED".equals(status) && !"CLOSED".equals(next)) {
				reopened = true;
			}
			if (resolvedAt == null && ("SOLVED".equals(next) || "CLOSED".equals(next))) {
				resolvedAt = at;
			}
		}
		status = next;
	}

	/**
	 * Moves to an assignee (null: unassigned) at a time, closing the interval with the previous one; time counts only
	 * while the ticket is open.
	 */
	void assignee(UUID next, String name, Instant at) {
		if (next != null) {
			assigneeNames.put(next.toString(), name);
		}
		boolean same = next == null ? assigneeId == null : next.equals(assigneeId);
		if (assigneeSince != null && !same && open()) {
			timeWithAssignee.merge(key(assigneeId), between(assigneeSince, at), Duration::plus);
			assigneeSince = at;
		}
		else if (assigneeSince == null) {
			assigneeSince = at;
		}
		assigneeId = next;
		assigneeName = name;
	}

	/** Time per status up to {@code now}; the current status counts only while the ticket is open. */
	Map<String, Duration> timeInStatus(Instant now) {
		Map<String, Duration> all = new LinkedHashMap<>(timeInStatus);
		if (statusSince != null && open()) {
			all.merge(status, between(statusSince, now), Duration::plus);
		}
		return all;
	}

	/** Time per assignee up to {@code now} (or until resolved): only while the ticket is open. */
	Map<String, Duration> timeWithAssignee(Instant now) {
		Map<String, Duration> all = new LinkedHashMap<>(timeWithAssignee);
		if (assigneeSince != null && open()) {
			all.merge(key(assigneeId), between(assigneeSince, now), Duration::plus);
		}
		return all;
	}

	/** The SLA state now, for an open ticket: BREACHED, AT_RISK or null (fine, paused or done). */
	String slaNow(Instant now) {
		if (!open() || "PENDING".equals(status)) {
			return null;
		}
		boolean atRisk = false;
		for (Clock clock : clocks) {
			if ("BREACHED".equals(clock.state()) || ("RUNNING".equals(clock.state()) && clock.dueAt() != null
					&& !now.isBefore(clock.dueAt()))) {
				return "BREACHED";
			}
			if ("RUNNING".equals(clock.state()) && clock.warnAt() != null && !now.isBefore(clock.warnAt())) {
				atRisk = true;
			}
		}
		return atRisk ? "AT_RISK" : null;
	}

	/** The soonest due time of a running clock, or null. */
	Instant nextDueAt() {
		Instant next = null;
		for (Clock clock : clocks) {
			if ("RUNNING".equals(clock.state()) && clock.dueAt() != null
					&& (next == null || clock.dueAt().isBefore(next))) {
				next = clock.dueAt();
			}
		}
		return next;
	}

	String nextClock() {
		Instant due = nextDueAt();
		for (Clock clock : clocks) {
			if ("RUNNING".equals(clock.state()) && due != null && due.equals(clock.dueAt())) {
				return clock.name();
			}
		}
		return null;
	}

	static List<Clock> copy(List<Clock> clocks) {
		return new ArrayList<>(clocks);
	}

	static String key(UUID assignee) {
		return assignee == null ? "none" : assignee.toString();
	}

	private static Duration between(Instant from, Instant to) {
		return to.isBefore(from) ? Duration.ZERO : Duration.between(from, to);
	}

	/** One SLA clock (acknowledge excluded): {@code firstResponse}, {@code nextResponse} or {@code resolution}. */
	record Clock(String name, String state, Instant dueAt, Instant warnAt) {
	}

}
