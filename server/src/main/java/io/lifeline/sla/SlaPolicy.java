package io.lifeline.sla;

import java.time.Duration;

import io.lifeline.tickets.Priority;

/**
 * The targets a priority is held to: {@code {priority, firstResponse, nextResponse, resolution, warnBefore,
 * calendar}}.
 */
public record SlaPolicy(Priority priority, Duration firstResponse, Duration nextResponse, Duration resolution,
		Duration warnBefore, String calendar) {
}
