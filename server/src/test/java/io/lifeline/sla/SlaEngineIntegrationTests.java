package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The engine end to end on one node, in its own database (policies of a few seconds must not touch other tests):
 * alerts at the right times on the assignee's queue, PENDING pausing them, the P1 war room, editing policies.
 */
@TestPropertySource(properties = "lifeline.sla.scan-interval=PT1S")
class SlaEngineIntegrationTests extends IntegrationTest {

	@Autowired
	JsonMapper json;

	Predicate<StompTestClient.Frame> alert(String type, String ticketId) {
		return frame -> "MESSAGE".equals(frame.command()) && frame.body().contains("\"type\":\"" + type + "\"")
				&& frame.body().contains(ticketId);
	}

	JsonNode body(StompTestClient.Frame frame) {
		return json.readTree(frame.body());
	}

	@Test
	void aP2WarnsThenBreachesOnTheAssigneesAlertQueueAtTheRightTimes() {
		WebTestClient sam = as("sam");
		WebTestClient alice = as("alice");
		SlaApi.policy(sam, "P3", "PT4S", "PT2S");
		try (StompTestClient alerts = StompTestClient.connect(baseUrl(), login("alice"));
				StompTestClient supervisor = StompTestClient.connect(baseUrl(), login("sam"))) {
			alerts.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			supervisor.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			JsonNode ticket = SlaApi.openAssigned(alice, "P3", "Warn then breach");
			String id = ticket.get("id").asString();
			Instant due = Instant.parse(ticket.get("sla").get("firstResponseDueAt").asString());

			JsonNode warning = body(alerts.next(alert("sla.warning", id)));
			JsonNode breach = body(alerts.next(alert("sla.breached", id)));
			assertThat(Instant.now()).isBefore(due.plusSeconds(3));
			// Fired (the event's time) no earlier than due and no later than a second after
			Instant warnedAt = Instant.parse(warning.get("at").asString());
			Instant breachedAt = Instant.parse(breach.get("at").asString());

			assertThat(warning.get("data").get("clock").asString()).isEqualTo("firstResponse");
			assertThat(Instant.parse(warning.get("data").get("dueAt").asString())).isEqualTo(due);
			assertThat(warnedAt).isBetween(due.minusSeconds(2), due.minusSeconds(2).plusSeconds(1));
			assertThat(breachedAt).isBetween(due, due.plusSeconds(1));
			assertThat(breach.get("seq").asLong()).isGreaterThan(warning.get("seq").asLong());
			assertThat(breach.get("data").get("ticket").get("sla").get("state").asString()).isEqualTo("BREACHED");
			supervisor.next(alert("sla.breached", id));
			supervisor.next(alert("sla.escalated", id));
			assertThat(SlaApi.timelineTypes(alice, id)).containsSubsequence("sla.warning", "sla.breached",
					"sla.escalated");
		}
	}

	@Test
	void pendingPausesTheClocksAndReopeningResumesThem() throws InterruptedException {
		WebTestClient sam = as("sam");
		WebTestClient alice = as("alice");
		SlaApi.policy(sam, "P4", "PT3S", "PT1S");
		try (StompTestClient alerts = StompTestClient.connect(baseUrl(), login("alice"))) {
			alerts.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			JsonNode ticket = SlaApi.openAssigned(alice, "P4", "Paused");
			String id = ticket.get("id").asString();
			JsonNode pending = SlaApi.patch(alice, ticket, Map.of("status", "PENDING"));
			assertThat(pending.get("sla").get("state").asString()).isEqualTo("PAUSED");
			assertThat(pending.get("sla").get("firstResponseDueAt").isNull()).isTrue();
			Thread.sleep(4000);
			assertThat(alerts.drain()).noneMatch(alert("sla.breached", id));

			JsonNode open = SlaApi.patch(alice, ticket, Map.of("status", "OPEN"));
			Instant due = Instant.parse(open.get("sla").get("firstResponseDueAt").asString());
			assertThat(due).isAfter(Instant.now().plusSeconds(1));
			JsonNode breach = body(alerts.next(alert("sla.breached", id)));
			assertThat(Instant.parse(breach.get("at").asString())).isBetween(due, due.plusSeconds(1));
		}
	}

	@Test
	void anAgentsReplyMeetsTheFirstResponseSoNothingFires() throws InterruptedException {
		WebTestClient sam = as("sam");
		WebTestClient alice = as("alice");
		SlaApi.policy(sam, "P4", "PT3S", "PT1S");
		try (StompTestClient alerts = StompTestClient.connect(baseUrl(), login("alice"))) {
			alerts.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			JsonNode ticket = SlaApi.openAssigned(alice, "P4", "Answered in time");
			String id = ticket.get("id").asString();
			alice.post().uri("/api/tickets/" + id + "/messages").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("body", "On it", "clientMessageId", "reply-1")).exchange().expectStatus().isCreated();
			JsonNode after = SlaApi.get(alice, id);
			assertThat(after.get("sla").get("firstResponseDueAt").isNull()).isTrue();
			Thread.sleep(3500);
			assertThat(alerts.drain()).noneMatch(alert("sla.", id));
		}
	}

	@Test
	void aNewP1OpensTheWarRoomAndAlertsSupervisorsAtOnce() {
		WebTestClient alice = as("alice");
		WebTestClient bob = as("bob");
		try (StompTestClient supervisor = StompTestClient.connect(baseUrl(), login("sam"));
				StompTestClient onCall = StompTestClient.connect(baseUrl(), login("bob"))) {
			supervisor.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			onCall.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
			JsonNode ticket = alice.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("subject", "Site down", "description", "All users", "priority", "P1", "customerId",
						io.lifeline.identity.DemoUsers.CAROL.id()))
				.exchange().expectStatus().isCreated()
				.expectBody(JsonNode.class).returnResult().getResponseBody();
			String id = ticket.get("id").asString();
			JsonNode escalated = body(supervisor.next(alert("sla.escalated", id), Duration.ofSeconds(2)));
			assertThat(escalated.get("data").get("reason").asString()).isEqualTo("p1-opened");
			onCall.next(alert("sla.escalated", id), Duration.ofSeconds(2));

			JsonNode incidents = alice.get().uri("/api/incidents").exchange().expectStatus().isOk()
				.expectBody(JsonNode.class).returnResult().getResponseBody();
			JsonNode incident = incidents.valueStream()
				.filter(i -> i.get("ticket").get("id").asString().equals(id))
				.findFirst()
				.orElseThrow();
			assertThat(incident.get("acknowledgedAt").isNull()).isTrue();
			assertThat(incident.get("acknowledgeDueAt").isNull()).isFalse();

			JsonNode joined = bob.post().uri("/api/incidents/" + id + "/join").exchange().expectStatus().isOk()
				.expectBody(JsonNode.class).returnResult().getResponseBody();
			assertThat(joined.get("participants").get(0).get("displayName").asString()).isEqualTo("Bob Martin");
			assertThat(joined.get("acknowledgedAt").isNull()).isFalse();
			assertThat(SlaApi.timelineTypes(alice, id)).containsSubsequence("ticket.created", "incident.opened",
					"incident.joined");
		}
	}

	@Test
	void theListSortsByTimeToBreach() {
		WebTestClient alice = as("alice");
		String soon = SlaApi.openAssigned(alice, "P1", "Sort soon").get("id").asString();
		String later = SlaApi.openAssigned(alice, "P2", "Sort later").get("id").asString();
		JsonNode page = alice.get().uri("/api/tickets?sort=due&q=Sort&limit=1").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(soon);
		JsonNode next = alice.get().uri("/api/tickets?sort=due&q=Sort&limit=1&cursor=" + page.get("nextCursor").asString())
			.exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(next.get("items").get(0).get("id").asString()).isEqualTo(later);
		alice.get().uri("/api/tickets?sort=sideways").exchange().expectStatus().isBadRequest();
	}

	@Test
	void policiesAreValidatedAndOnlySupervisorsEditThem() {
		WebTestClient sam = as("sam");
		as("alice").put().uri("/api/sla-policies/P2").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT1H", "resolution", "PT8H", "warnBefore", "PT15M"))
			.exchange().expectStatus().isForbidden();
		sam.put().uri("/api/sla-policies/P2").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT0S", "resolution", "PT8H", "warnBefore", "PT2H"))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("firstResponse"));
		sam.put().uri("/api/sla-policies/P2").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT1H", "resolution", "PT8H", "warnBefore", "PT15M", "calendar", "nope"))
			.exchange().expectStatus().isBadRequest();
		sam.put().uri("/api/sla-policies/P9").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT1H", "resolution", "PT8H", "warnBefore", "PT15M"))
			.exchange().expectStatus().isNotFound();
	}

	@Test
	void calendarsAreEditedAndCannotBeDeletedWhileInUse() {
		WebTestClient sam = as("sam");
		Map<String, Object> calendar = Map.of("name", "Sydney", "timeZone", "Australia/Sydney", "hours",
				Map.of("MONDAY", List.of(Map.of("from", "09:00", "to", "17:00"))), "holidays", List.of("2027-01-26"));
		sam.put().uri("/api/calendars/business-sydney").contentType(MediaType.APPLICATION_JSON).bodyValue(calendar)
			.exchange().expectStatus().isOk();
		sam.put().uri("/api/calendars/bad-zone").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "x", "timeZone", "Mars/Olympus", "hours", Map.of()))
			.exchange().expectStatus().isBadRequest();
		sam.put().uri("/api/sla-policies/P4").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT8H", "resolution", "PT72H", "warnBefore", "PT2H", "calendar",
					"business-sydney"))
			.exchange().expectStatus().isOk();
		sam.delete().uri("/api/calendars/business-sydney").exchange().expectStatus().isEqualTo(409);
		sam.put().uri("/api/sla-policies/P4").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", "PT3S", "resolution", "PT72H", "warnBefore", "PT1S"))
			.exchange().expectStatus().isOk();
		sam.delete().uri("/api/calendars/business-sydney").exchange().expectStatus().isNoContent();
		sam.get().uri("/api/calendars").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[*].id").value(ids -> assertThat(ids.toString()).contains("business-shanghai")
				.doesNotContain("business-sydney"));
	}

	@Test
	void theServerTellsItsTime() {
		JsonNode time = as("carol").get().uri("/api/time").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(Instant.parse(time.get("now").asString())).isCloseTo(Instant.now(),
				org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
	}

}
