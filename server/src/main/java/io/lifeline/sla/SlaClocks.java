package io.lifeline.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A ticket's SLA clocks, as stored with the ticket, and how each thing that happens to a ticket moves them. Pure:
 * the caller persists the result, arms its deadlines and records the event, in its own transaction.
 */
public record SlaClocks(String policy, String calendar, List<SlaClock> clocks) {

	public SlaClocks {
		clocks = List.copyOf(clocks);
	}

	/** A ticket opened at {@code at}: first response and resolution run; a P1 also waits to be acknowledged. */
	public static SlaClocks opened(SlaRules rules, Instant at) {
		List<SlaClock> clocks = new ArrayList<>();
		clocks.add(start(rules, ClockKind.FIRST_RESPONSE, at, 0));
		clocks.add(start(rules, ClockKind.RESOLUTION, at, 0));
		if (rules.isP1()) {
			clocks.add(start(rules, ClockKind.ACKNOWLEDGE, at, 0));
		}
		return new SlaClocks(rules.policy().priority().name(), rules.policy().calendar(), clocks);
	}

	public Optional<SlaClock> find(ClockKind kind) {
		return clocks.stream().filter(c -> c.clock() == kind).findFirst();
	}

	/** PENDING: every running clock stops and keeps what it has used. */
	public SlaClocks paused(SlaRules rules, Instant at) {
		return map(clock -> clock.pause(at, rules.calendar(clock.clock())));
	}

	/** Out of PENDING: paused clocks run again. */
	public SlaClocks resumed(SlaRules rules, Instant at) {
		return map(clock -> clock.paused() ? clock.run(at, rules.calendar(clock.clock()), rules.warnBefore(clock.clock()))
				: clock);
	}

	/** SOLVED or CLOSED: resolution is met; the other clocks stop. */
	public SlaClocks solved(SlaRules rules, Instant at) {
		return map(clock -> clock.clock() == ClockKind.RESOLUTION ? clock.meet(at, rules.calendar(clock.clock()))
				: clock.stop(at, rules.calendar(clock.clock())));
	}

	/** SOLVED back to open: resolution runs again with the time it had used. */
	public SlaClocks reopened(SlaRules rules, Instant at) {
		return map(clock -> clock.clock() == ClockKind.RESOLUTION && !clock.isLive()
				? clock.reopen(at, rules.calendar(clock.clock()), rules.warnBefore(clock.clock())) : clock);
	}

	/** A public reply by staff meets first response, the running next response, and the P1 acknowledgement. */
	public SlaClocks agentReplied(SlaRules rules, Instant at) {
		return map(clock -> clock.clock() == ClockKind.RESOLUTION ? clock
				: clock.meet(at, rules.calendar(clock.clock())));
	}

	/**
	 * A customer's message starts a next-response cycle once the first response is made, unless one is already
	 * waiting; it starts paused on a PENDING ticket.
	 */
	public SlaClocks customerWrote(SlaRules rules, Instant at, boolean ticketPaused) {
		boolean firstResponded = find(ClockKind.FIRST_RESPONSE).map(c -> !c.isLive()).orElse(true);
		Optional<SlaClock> next = find(ClockKind.NEXT_RESPONSE);
		boolean resolving = find(ClockKind.RESOLUTION).map(SlaClock::isLive).orElse(false);
		if (!firstResponded || !resolving || rules.policy().nextResponse() == null
				|| next.map(SlaClock::isLive).orElse(false)) {
			return this;
		}
		int cycle = next.map(c -> c.cycle() + 1).orElse(0);
		SlaClock started = start(rules, ClockKind.NEXT_RESPONSE, at, cycle);
		SlaClock clock = ticketPaused ? started.pause(at, rules.calendar(ClockKind.NEXT_RESPONSE)) : started;
		List<SlaClock> all = new ArrayList<>(clocks.stream().filter(c -> c.clock() != ClockKind.NEXT_RESPONSE).toList());
		all.add(clock);
		return new SlaClocks(policy, calendar, all);
	}

	/** Someone took up the P1: its acknowledge clock is met. */
	public SlaClocks acknowledged(SlaRules rules, Instant at) {
		return map(clock -> clock.clock() == ClockKind.ACKNOWLEDGE ? clock.meet(at, rules.calendar(clock.clock()))
				: clock);
	}

	/**
	 * New rules (a priority change, or an edited policy or calendar) from {@code at} on: running clocks keep the
	 * time they ran and are measured against the new targets; becoming P1 starts the acknowledge clock.
	 */
	public SlaClocks retargeted(SlaRules previous, SlaRules rules, Instant at) {
		List<SlaClock> all = new ArrayList<>();
		for (SlaClock clock : clocks) {
			if (clock.clock() == ClockKind.ACKNOWLEDGE) {
				all.add(rules.isP1() ? clock : clock.stop(at, previous.calendar(clock.clock())));
				continue;
			}
			if (rules.target(clock.clock()) == null) {
				all.add(clock.stop(at, previous.calendar(clock.clock())));
				continue;
			}
			all.add(clock.retarget(rules.target(clock.clock()), at, previous.calendar(clock.clock()),
					rules.calendar(clock.clock()), rules.warnBefore(clock.clock())));
		}
		if (rules.isP1() && find(ClockKind.ACKNOWLEDGE).isEmpty()) {
			all.add(start(rules, ClockKind.ACKNOWLEDGE, at, 0));
		}
		return new SlaClocks(rules.policy().priority().name(), rules.policy().calendar(), all);
	}

	/** The soonest due time of a running clock, for sorting by time to breach. */
	public Optional<Instant> nextDueAt() {
		return clocks.stream().filter(SlaClock::isRunning).map(SlaClock::dueAt).min(Instant::compareTo);
	}

	private static SlaClock start(SlaRules rules, ClockKind kind, Instant at, int cycle) {
		return SlaClock.started(kind, rules.target(kind), cycle)
			.run(at, rules.calendar(kind), rules.warnBefore(kind));
	}

	private SlaClocks map(UnaryOperator<SlaClock> change) {
		return new SlaClocks(policy, calendar, clocks.stream().map(change).toList());
	}

}
