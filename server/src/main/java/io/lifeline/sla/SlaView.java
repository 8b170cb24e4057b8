package io.lifeline.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A ticket's SLA as clients see it. Due times are data stored with the ticket; the state is read off them and the
 * clock at the moment of asking, so it is never stale.
 */
public record SlaView(String policy, SlaState state, Instant firstResponseDueAt, Instant nextResponseDueAt,
		Instant resolutionDueAt) {

	/**
	 * @param closed whether the ticket is SOLVED or CLOSED
	 * @param paused whether the clocks are stopped (PENDING)
	 */
	public static SlaView of(String policy, Instant now, boolean closed, boolean paused, SlaClocks clocks) {
		Instant firstResponseDue = clocks.firstRespondedAt() == null ? clocks.firstResponseDueAt() : null;
		SlaState state;
		if (closed) {
			boolean late = clocks.solvedAt() != null && clocks.resolutionDueAt() != null
					&& clocks.solvedAt().isAfter(clocks.resolutionDueAt());
			state = late ? SlaState.BREACHED : SlaState.MET;
			firstResponseDue = null;
		}
		else if (paused) {
			state = SlaState.PAUSED;
		}
		else {
			state = running(now, clocks, Stream.of(firstResponseDue, clocks.resolutionDueAt()));
		}
		return new SlaView(policy, state, firstResponseDue, null, closed ? null : clocks.resolutionDueAt());
	}

	private static SlaState running(Instant now, SlaClocks clocks, Stream<Instant> dues) {
		var running = dues.filter(Objects::nonNull).toList();
		if (running.stream().anyMatch(now::isAfter)) {
			return SlaState.BREACHED;
		}
		if (running.stream().anyMatch(due -> !now.isBefore(due.minus(clocks.warnBefore())))) {
			return SlaState.AT_RISK;
		}
		return SlaState.OK;
	}

	/** The stored SLA facts of one ticket. */
	public record SlaClocks(Instant firstResponseDueAt, Instant resolutionDueAt, Instant firstRespondedAt,
			Instant solvedAt, java.time.Duration warnBefore) {
	}

}
