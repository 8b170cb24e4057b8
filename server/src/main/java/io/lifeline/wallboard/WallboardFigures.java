package io.lifeline.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.routing.Agent;

/** Builds a {@link WallboardSnapshot} from the board at a moment: pure arithmetic over the folded tickets. */
final class WallboardFigures {

	static final int AT_RISK_LIMIT = 20;

	private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

	private WallboardFigures() {
	}

	static WallboardSnapshot snapshot(KpiBoard.View view, List<Agent> agents, Instant now, Duration window) {
		Map<String, Long> openByPriority = new LinkedHashMap<>();
		PRIORITIES.forEach(p -> openByPriority.put(p, 0L));
		Map<UUID, Long> load = new HashMap<>();
		long unassigned = 0;
		long atRisk = 0;
		long breached = 0;
		long open = 0;
		List<WallboardSnapshot.AtRisk> risky = new ArrayList<>();
		for (TicketFacts t : view.tickets()) {
			if (!t.open()) {
				continue;
			}
			open++;
			openByPriority.merge(t.priority, 1L, Long::sum);
			if (t.assigneeId == null) {
				unassigned++;
			}
			else {
				load.merge(t.assigneeId, 1L, Long::sum);
			}
			String sla = t.slaNow(now);
			if ("AT_RISK".equals(sla)) {
				atRisk++;
			}
			else if ("BREACHED".equals(sla)) {
				breached++;
			}
			if (sla != null) {
				risky.add(new WallboardSnapshot.AtRisk(t.id, t.number, t.subject, t.priority, sla, t.nextClock(),
						t.nextDueAt(), t.assigneeName));
			}
		}
		risky.sort(Comparator.comparing(WallboardSnapshot.AtRisk::dueAt,
				Comparator.nullsLast(Comparator.naturalOrder())));
		Instant from = now.minus(window);
		Instant to = now.plusNanos(1);
		Kpis.Figures f = Kpis.figures(view.tickets(), view.byCustomer(), from, to, Kpis.ALL).get("all");
		if (f == null) {
			f = new Kpis.Figures(null, null, null, null, null, null, null, null, 0, 0, 0);
		}
		List<WallboardSnapshot.AgentRow> rows = agents.stream()
			.map(a -> new WallboardSnapshot.AgentRow(a.id(), a.displayName(), a.status().name(),
					load.getOrDefault(a.id(), 0L)))
			.toList();
		return new WallboardSnapshot(now, openByPriority, unassigned, atRisk, breached, rows,
				f.firstResponseMedianSeconds(), f.resolutionMedianSeconds(), f.csatAverage(), f.fcrRate(),
				view.activeAssistSessions(), f.repeatRate(), f.nps(), f.slaCompliance(), f.kbAdoptionRate(), open,
				f.opened(),
				f.resolved(), window.toString(), WallboardSnapshot.Targets.DEFAULT,
				risky.subList(0, Math.min(AT_RISK_LIMIT, risky.size())), hourly(view, now));
	}

	/** The last 24 hours, hour by hour (the current hour last). */
	static List<WallboardSnapshot.Hour> hourly(KpiBoard.View view, Instant now) {
		Instant current = now.truncatedTo(ChronoUnit.HOURS);
		Instant first = current.minus(23, ChronoUnit.HOURS);
		Kpis.Grouping byHour = (t, moment) -> moment.truncatedTo(ChronoUnit.HOURS).toString();
		Map<String, Kpis.Figures> figures = Kpis.figures(view.tickets(), view.byCustomer(), first,
				current.plus(1, ChronoUnit.HOURS), byHour);
		Map<String, Map<String, Long>> opened = new HashMap<>();
		for (TicketFacts t : view.tickets()) {
			if (t.createdAt != null && !t.createdAt.isBefore(first)) {
				opened.computeIfAbsent(t.createdAt.truncatedTo(ChronoUnit.HOURS).toString(), k -> new HashMap<>())
					.merge(t.priority, 1L, Long::sum);
			}
		}
		List<WallboardSnapshot.Hour> hours = new ArrayList<>(24);
		for (int i = 0; i < 24; i++) {
			Instant start = first.plus(i, ChronoUnit.HOURS);
			String key = start.toString();
			Map<String, Long> counts = new LinkedHashMap<>();
			Map<String, Long> seen = opened.getOrDefault(key, Map.of());
			PRIORITIES.forEach(p -> counts.put(p, seen.getOrDefault(p, 0L)));
			Kpis.Figures f = figures.get(key);
			hours.add(new WallboardSnapshot.Hour(start, counts, f == null ? null : f.firstResponseMedianSeconds(),
					f == null ? null : f.slaCompliance()));
		}
		return hours;
	}

}
