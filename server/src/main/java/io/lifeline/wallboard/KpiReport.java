package io.lifeline.wallboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/reports/kpis}: the KPIs per day (UTC), agent (current assignee) or priority, as JSON or CSV. */
record KpiReport(Instant from, Instant to, String groupBy, List<Row> rows) {

	static final List<String> COLUMNS = List.of("group", "label", "firstResponseMedianSeconds",
			"resolutionMedianSeconds", "csatAverage", "nps", "fcrRate", "repeatRate", "slaCompliance", "kbAdoptionRate", "opened",
			"resolved", "surveys");

	static KpiReport of(KpiBoard.View view, Instant from, Instant to, String groupBy) {
		Map<String, String> labels = new HashMap<>();
		Kpis.Grouping grouping = switch (groupBy) {
			case "day" -> (t, moment) -> moment.atOffset(ZoneOffset.UTC).toLocalDate().toString();
			case "priority" -> (t, moment) -> t.priority;
			case "agent" -> (t, moment) -> {
				String key = TicketFacts.key(t.assigneeId);
				labels.put(key, t.assigneeId == null ? "Unassigned" : t.assigneeName);
				return key;
			};
			default -> throw new IllegalArgumentException(groupBy);
		};
		List<Row> rows = new ArrayList<>();
		Kpis.figures(view.tickets(), view.byCustomer(), from, to, grouping)
			.forEach((key, f) -> rows.add(new Row(key, labels.getOrDefault(key, key), f)));
		return new KpiReport(from, to, groupBy, rows);
	}

	String csv() {
		StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
		for (Row row : rows) {
			Kpis.Figures f = row.figures();
			List<Object> cells = List.of(row.group(), row.label() == null ? "" : row.label(),
					cell(f.firstResponseMedianSeconds()), cell(f.resolutionMedianSeconds()), cell(f.csatAverage()),
					cell(f.nps()), cell(f.fcrRate()), cell(f.repeatRate()), cell(f.slaCompliance()),
					cell(f.kbAdoptionRate()), f.opened(),
					f.resolved(), f.surveys());
			List<String> quoted = cells.stream().map(cell -> quote(cell.toString())).toList();
			out.append(String.join(",", quoted)).append("\r\n");
		}
		return out.toString();
	}

	private static Object cell(Object value) {
		return value == null ? "" : value;
	}

	/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs a label as a formula. */
	static String quote(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
				? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	/** One group: its key, a readable label and the {@link Kpis.Figures} (flattened in JSON). */
	record Row(String group, String label, @com.fasterxml.jackson.annotation.JsonUnwrapped Kpis.Figures figures) {
	}

}
