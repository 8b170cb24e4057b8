package io.lifeline.sla;

import java.time.Duration;

/** What a ticket's clocks are held to right now: its priority's policy, that policy's calendar, the P1 acknowledge target. */
public record SlaRules(SlaPolicy policy, BusinessCalendar calendar, Duration acknowledge) {

	Duration target(ClockKind kind) {
		return switch (kind) {
			case FIRST_RESPONSE -> policy.firstResponse();
			case NEXT_RESPONSE -> policy.nextResponse();
			case RESOLUTION -> policy.resolution();
			case ACKNOWLEDGE -> acknowledge;
		};
	}

	/** The acknowledge clock runs around the clock and only escalates: it has no warning. */
	BusinessCalendar calendar(ClockKind kind) {
		return kind == ClockKind.ACKNOWLEDGE ? BusinessCalendar.aroundTheClock() : calendar;
	}

	Duration warnBefore(ClockKind kind) {
		return kind == ClockKind.ACKNOWLEDGE ? null : policy.warnBefore();
	}

	boolean isP1() {
		return policy.priority().name().equals("P1");
	}

}
