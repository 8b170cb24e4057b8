package io.lifeline.wallboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.lifeline.realtime.Event;
import tools.jackson.databind.JsonNode;

/**
 * The floor as the all-tickets stream tells it: every ticket's {@link TicketFacts} and every live assist session,
 * folded event by event in seq order. The same fold serves the rebuild at start (read from the log) and live
 * updates, so a restarted node arrives at the same figures. Reads and the fold are serialized on this object.
 */
final class KpiBoard {

	private final Map<UUID, TicketFacts> tickets = new HashMap<>();

	private final Map<UUID, List<TicketFacts>> byCustomer = new HashMap<>();

	/** Assist sessions that are consented or active: id -> ticket. */
	private final Map<UUID, UUID> liveAssists = new HashMap<>();

	private long seq;

	synchronized long seq() {
		return seq;
	}

	synchronized void clear() {
		tickets.clear();
		byCustomer.clear();
		liveAssists.clear();
		seq = 0;
	}

	/** Folds one event of the all-tickets stream; events at or below the last folded seq are ignored. */
	synchronized void apply(Event event) {
		if (event.seq() != null) {
			if (event.seq() <= seq) {
				return;
			}
			seq = event.seq();
		}
		JsonNode data = event.data();
		if (data == null || event.ticketId() == null) {
			return;
		}
		String type = event.type();
		Instant at = event.at();
		JsonNode ticket = data.get("ticket");
		if (ticket != null && ticket.isObject()) {
			ticket(ticket, at);
		}
		TicketFacts facts = tickets.get(event.ticketId());
		if (type.equals("message.created") && facts != null) {
			JsonNode author = data.path("author");
			boolean staff = !"CUSTOMER".equals(text(author, "role"));
			if (staff && !data.path("internal").asBoolean(false)) {
				facts.staffReplies++;
				if (facts.firstResponseAt == null) {
					facts.firstResponseAt = at;
				}
			}
		}
		else if (type.equals("kb.linked") && facts != null) {
			facts.kbLinked = true;
		}
		else if (type.equals("sla.breached") && facts != null) {
			facts.breached = true;
		}
		else if (type.equals("survey.submitted") && facts != null) {
			JsonNode survey = data.path("survey");
			facts.csat = survey.path("csat").isNumber() ? survey.get("csat").asInt() : null;
			facts.nps = survey.path("nps").isNumber() ? survey.get("nps").asInt() : null;
			facts.surveyAt = at;
		}
		else if (type.startsWith("assist.") && data.hasNonNull("id") && data.hasNonNull("state")) {
			UUID session = UUID.fromString(data.get("id").asString());
			String state = data.get("state").asString();
			if (state.equals("CONSENTED") || state.equals("ACTIVE")) {
				liveAssists.put(session, event.ticketId());
			}
			else {
				liveAssists.remove(session);
			}
		}
	}

	/** Runs a read over the current state, under the board's lock. */
	synchronized <T> T read(Function<View, T> query) {
		return query.apply(new View(tickets.values(), byCustomer, liveAssists.size()));
	}

	private void ticket(JsonNode node, Instant at) {
		UUID id = UUID.fromString(node.get("id").asString());
		TicketFacts facts = tickets.get(id);
		if (facts == null) {
			facts = new TicketFacts(id);
			tickets.put(id, facts);
			facts.createdAt = instant(node, "createdAt", at);
			facts.customerId = uuid(node.path("customer"), "id");
			if (facts.customerId != null) {
				byCustomer.computeIfAbsent(facts.customerId, c -> new ArrayList<>()).add(facts);
			}
			facts.statusSince = facts.createdAt;
			facts.assigneeSince = facts.createdAt;
		}
		facts.number = node.path("number").asLong(facts.number);
		facts.subject = node.path("subject").asString(facts.subject);
		facts.priority = node.path("priority").asString(facts.priority);
		List<String> tags = new ArrayList<>();
		node.path("tags").forEach(tag -> tags.add(tag.asString()));
		facts.tags = List.copyOf(tags);
		String status = text(node, "status");
		if (status != null) {
			facts.status(status, at);
		}
		JsonNode assignee = node.get("assignee");
		UUID assigneeId = assignee == null || assignee.isNull() ? null : uuid(assignee, "id");
		facts.assignee(assigneeId, assignee == null ? null : text(assignee, "displayName"), at);
		JsonNode sla = node.path("sla");
		if ("BREACHED".equals(text(sla, "state"))) {
			facts.breached = true;
		}
		List<TicketFacts.Clock> clocks = new ArrayList<>();
		for (JsonNode clock : sla.path("clocks")) {
			String name = text(clock, "clock");
			if (name == null || name.equals("acknowledge")) {
				continue;
			}
			String state = text(clock, "state");
			if ("BREACHED".equals(state)) {
				facts.breached = true;
			}
			clocks.add(new TicketFacts.Clock(name, state, instant(clock, "dueAt", null),
					instant(clock, "warnAt", null)));
		}
		facts.clocks = List.copyOf(clocks);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
	}

	private static UUID uuid(JsonNode node, String field) {
		String value = text(node, field);
		return value == null ? null : UUID.fromString(value);
	}

	private static Instant instant(JsonNode node, String field, Instant fallback) {
		String value = text(node, field);
		return value == null ? fallback : Instant.parse(value);
	}

	/** The state a read sees; valid only inside {@link #read}. */
	record View(Collection<TicketFacts> tickets, Map<UUID, List<TicketFacts>> byCustomer,
			int activeAssistSessions) {
	}

}
