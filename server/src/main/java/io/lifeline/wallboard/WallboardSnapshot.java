package io.lifeline.wallboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wall board: the contract's fields ({@code at} to {@code activeAssistSessions}), then extras: the repeat rate,
 * NPS, SLA compliance and knowledge-base adoption (solved tickets with a linked article) over the same window, the window itself, the targets, the at-risk list and the hourly
 * series behind the charts.
 */
record WallboardSnapshot(Instant at, Map<String, Long> openByPriority, long unassigned, long slaAtRisk,
		long slaBreached, List<AgentRow> agents, Long firstResponseMedianSeconds, Long resolutionMedianSeconds,
		Double csatAverage, Double fcrRate, long activeAssistSessions, Double repeatRate, Double nps,
		Double slaCompliance, Double kbAdoptionRate, long openTotal, long openedInWindow, long resolvedInWindow, String window,
		Targets targets, List<AtRisk> atRisk, List<Hour> hourly) {

	/** {@code {id, displayName, status, openAssigned}}. */
	record AgentRow(UUID id, String displayName, String status, long openAssigned) {
	}

	/** An open ticket at risk of breaching, or breached: soonest due first. */
	record AtRisk(UUID ticketId, long number, String subject, String priority, String state, String clock,
			Instant dueAt, String assignee) {
	}

	/** One hour of the window: tickets opened per priority, the first-response median and SLA compliance. */
	record Hour(Instant start, Map<String, Long> opened, Long firstResponseMedianSeconds, Double slaCompliance) {
	}

	/** What management aims for: first response under 30 min, resolution under 2 h, CSAT above 4.5, repeat under 5%. */
	record Targets(long firstResponseSeconds, long resolutionSeconds, double csatAverage, double repeatRate) {

		static final Targets DEFAULT = new Targets(1800, 7200, 4.5, 0.05);

	}

}
