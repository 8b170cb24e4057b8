package io.lifeline.wallboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.realtime.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes a fixed event history of the all-tickets stream, shaped as the server writes it. */
final class History {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

	final List<Event> events = new ArrayList<>();

	private long seq;

	static Instant at(int minutes) {
		return T0.plusSeconds(minutes * 60L);
	}

	Map<String, Object> ticket(UUID id, String subject, String priority, String status, UUID customer,
			UUID assignee, List<String> tags, Instant createdAt) {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("id", id.toString());
		t.put("number", 1000 + events.size());
		t.put("subject", subject);
		t.put("status", status);
		t.put("priority", priority);
		t.put("customer", Map.of("id", customer.toString(), "displayName", "Carol"));
		t.put("assignee", assignee == null ? null : Map.of("id", assignee.toString(), "displayName", "Alice"));
		t.put("tags", tags);
		t.put("createdAt", createdAt.toString());
		t.put("sla", Map.of("policy", priority, "state", "OK", "clocks", List.of()));
		return t;
	}

	History created(Map<String, Object> ticket) {
		return add("ticket.created", ticket.get("id"), Instant.parse((String) ticket.get("createdAt")),
				Map.of("ticket", ticket));
	}

	History updated(Map<String, Object> ticket, Instant at, String status, UUID assignee) {
		ticket.put("status", status);
		ticket.put("assignee", assignee == null ? null : Map.of("id", assignee.toString(), "displayName", "Alice"));
		return add("ticket.updated", ticket.get("id"), at, Map.of("ticket", new LinkedHashMap<>(ticket)));
	}

	History reply(Map<String, Object> ticket, Instant at, String role, boolean internal) {
		return add("message.created", ticket.get("id"), at,
				Map.of("author", Map.of("id", UUID.randomUUID().toString(), "role", role), "internal", internal,
						"body", "…"));
	}

	History survey(Map<String, Object> ticket, Instant at, int csat, Integer nps) {
		Map<String, Object> survey = new LinkedHashMap<>();
		survey.put("csat", csat);
		survey.put("nps", nps);
		return add("survey.submitted", ticket.get("id"), at, Map.of("survey", survey));
	}

	History linked(Map<String, Object> ticket, Instant at) {
		return add("kb.linked", ticket.get("id"), at, Map.of("articleId", UUID.randomUUID().toString()));
	}

	History breached(Map<String, Object> ticket, Instant at) {
		return add("sla.breached", ticket.get("id"), at, Map.of("clock", "firstResponse"));
	}

	History add(String type, Object ticketId, Instant at, Object data) {
		JsonNode node = JSON.valueToTree(data);
		events.add(new Event(++seq, "tickets", type, at, UUID.fromString(ticketId.toString()), node));
		return this;
	}

	KpiBoard board() {
		KpiBoard board = new KpiBoard();
		events.forEach(board::apply);
		return board;
	}

}
