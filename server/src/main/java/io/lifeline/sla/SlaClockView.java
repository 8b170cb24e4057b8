package io.lifeline.sla;

import java.time.Duration;
import java.time.Instant;

/** One clock in a ticket's {@code sla.clocks}: RUNNING, PAUSED (with business time {@code remaining}), MET, BREACHED or STOPPED. */
public record SlaClockView(ClockKind clock, String state, Instant dueAt, Instant warnAt, Duration remaining,
		Instant metAt) {
}
