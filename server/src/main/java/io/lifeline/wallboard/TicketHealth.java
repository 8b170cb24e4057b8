package io.lifeline.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where tickets' time goes: for each ticket the seconds spent in each status and with each assignee (until it was
 * solved or closed, or now), and across tickets the bottleneck: the open status (NEW, OPEN, PENDING, ON_HOLD) where
 * the most time went in total, per priority and per agent (the ticket's current assignee).
 */
final class TicketHealth {

	static final List<String> STAGES = List.of("NEW", "OPEN", "PENDING", "ON_HOLD");

	private TicketHealth() {
	}

	static Report report(Collection<TicketFacts> all, Instant from, Instant to, Instant now, int limit) {
		List<TicketFacts> tickets = all.stream()
			.filter(t -> t.createdAt != null && !t.createdAt.isBefore(from) && t.createdAt.isBefore(to))
			.sorted(Comparator.comparing((TicketFacts t) -> t.createdAt).reversed())
			.toList();
		Map<String, Map<String, Long>> byPriority = new TreeMap<>();
		Map<String, Map<String, Long>> byAgent = new TreeMap<>();
		Map<String, String> agentNames = new LinkedHashMap<>();
		Map<String, Integer> priorityCounts = new TreeMap<>();
		Map<String, Integer> agentCounts = new TreeMap<>();
		List<TicketRow> rows = new ArrayList<>();
		for (TicketFacts t : tickets) {
			Map<String, Long> stages = seconds(t.timeInStatus(now));
			String agent = TicketFacts.key(t.assigneeId);
			agentNames.put(agent, t.assigneeId == null ? null : t.assigneeName);
			add(byPriority.computeIfAbsent(t.priority, k -> new LinkedHashMap<>()), stages);
			add(byAgent.computeIfAbsent(agent, k -> new LinkedHashMap<>()), stages);
			priorityCounts.merge(t.priority, 1, Integer::sum);
			agentCounts.merge(agent, 1, Integer::sum);
			if (rows.size() < limit) {
				List<AssigneeTime> with = new ArrayList<>();
				t.timeWithAssignee(now).forEach((id, time) -> with.add(new AssigneeTime(
						id.equals("none") ? null : UUID.fromString(id), t.assigneeNames.get(id), time.toSeconds())));
				rows.add(new TicketRow(t.id, t.number, t.subject, t.priority, t.status, t.assigneeName, stages, with,
						bottleneck(stages)));
			}
		}
		List<Bottleneck> priorities = new ArrayList<>();
		byPriority.forEach((p, stages) -> priorities.add(new Bottleneck(p, null, priorityCounts.get(p), stages,
				bottleneck(stages))));
		List<Bottleneck> agents = new ArrayList<>();
		byAgent.forEach((a, stages) -> agents.add(new Bottleneck(a, agentNames.get(a), agentCounts.get(a), stages,
				bottleneck(stages))));
		return new Report(from, to, tickets.size(), rows, priorities, agents);
	}

	/** The open stage with the most seconds, or null when none has any. */
	static String bottleneck(Map<String, Long> seconds) {
		String worst = null;
		long most = 0;
		for (String stage : STAGES) {
			long s = seconds.getOrDefault(stage, 0L);
			if (s > most) {
				most = s;
				worst = stage;
			}
		}
		return worst;
	}

	private static Map<String, Long> seconds(Map<String, Duration> times) {
		Map<String, Long> out = new LinkedHashMap<>();
		times.forEach((stage, time) -> out.put(stage, time.toSeconds()));
		return out;
	}

	private static void add(Map<String, Long> into, Map<String, Long> more) {
		more.forEach((k, v) -> into.merge(k, v, Long::sum));
	}

	record Report(Instant from, Instant to, int tickets, List<TicketRow> items, List<Bottleneck> byPriority,
			List<Bottleneck> byAgent) {
	}

	record TicketRow(UUID id, long number, String subject, String priority, String status, String assignee,
			Map<String, Long> secondsInStatus, List<AssigneeTime> secondsWithAssignee, String bottleneck) {
	}

	record AssigneeTime(UUID id, String displayName, long seconds) {
	}

	/** One group (a priority, or an agent's id or "none"): total seconds per status and the worst stage. */
	record Bottleneck(String group, String displayName, int tickets, Map<String, Long> secondsInStatus,
			String bottleneck) {
	}

}
