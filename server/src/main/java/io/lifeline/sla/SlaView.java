package io.lifeline.sla;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA as clients see it: the contract's fields, plus {@code nextDueAt} (the soonest running due time)
 * and every started clock. Read off the stored clocks and the time of asking, so the state is never stale.
 */
public record SlaView(String policy, SlaState state, Instant firstResponseDueAt, Instant nextResponseDueAt,
		Instant resolutionDueAt, Instant nextDueAt, List<SlaClockView> clocks) {

	/**
	 * @param done whether the ticket is SOLVED or CLOSED
	 * @param paused whether the ticket waits on the customer (PENDING)
	 */
	public static SlaView of(SlaClocks sla, Instant now, boolean done, boolean paused) {
		List<SlaClockView> clocks = sla.clocks().stream().map(clock -> clock.view(now)).toList();
		return new SlaView(sla.policy(), state(sla, clocks, now, done, paused), due(sla, ClockKind.FIRST_RESPONSE),
				due(sla, ClockKind.NEXT_RESPONSE), due(sla, ClockKind.RESOLUTION), sla.nextDueAt().orElse(null),
				clocks);
	}

	private static SlaState state(SlaClocks sla, List<SlaClockView> clocks, Instant now, boolean done,
			boolean paused) {
		List<SlaClockView> targets = clocks.stream().filter(c -> c.clock() != ClockKind.ACKNOWLEDGE).toList();
		if (done) {
			return targets.stream().anyMatch(c -> c.clock() == ClockKind.RESOLUTION && c.state().equals("BREACHED"))
					? SlaState.BREACHED : SlaState.MET;
		}
		if (paused) {
			return SlaState.PAUSED;
		}
		if (targets.stream().anyMatch(c -> c.state().equals("BREACHED"))) {
			return SlaState.BREACHED;
		}
		boolean atRisk = sla.clocks()
			.stream()
			.filter(c -> c.isRunning() && c.clock() != ClockKind.ACKNOWLEDGE && c.warnAt() != null)
			.anyMatch(c -> !now.isBefore(c.warnAt()));
		return atRisk ? SlaState.AT_RISK : SlaState.OK;
	}

	private static Instant due(SlaClocks sla, ClockKind kind) {
		return sla.find(kind).filter(SlaClock::isRunning).map(SlaClock::dueAt).orElse(null);
	}

}
