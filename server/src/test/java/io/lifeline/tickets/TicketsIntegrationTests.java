package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TicketsIntegrationTests extends IntegrationTest {

	@Test
	void aCustomerOpensATicketForThemself() {
		JsonNode ticket = create(as("carol"), Map.of("subject", "Cannot open the RFI log", "description",
				"It spins forever", "priority", "P2", "tags", List.of("rfi", " rfi ", "web")));
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
		assertThat(ticket.get("priority").asString()).isEqualTo("P2");
		assertThat(ticket.get("number").asLong()).isGreaterThan(1000);
		assertThat(ticket.get("version").asLong()).isEqualTo(1);
		assertThat(ticket.get("customer").get("id").asString()).isEqualTo(DemoUsers.CAROL.id().toString());
		assertThat(ticket.get("assignee").isNull()).isTrue();
		assertThat(ticket.get("tags").toString()).isEqualTo("[\"rfi\",\"web\"]");
		assertThat(ticket.get("sla").get("policy").asString()).isEqualTo("P2");
		assertThat(ticket.get("sla").get("state").asString()).isEqualTo("OK");
		assertThat(java.time.Duration.between(java.time.Instant.parse(ticket.get("createdAt").asString()),
				java.time.Instant.parse(ticket.get("sla").get("firstResponseDueAt").asString())))
			.isEqualTo(java.time.Duration.ofHours(1));
	}

	@Test
	void aP1IsDueForFirstResponseWithinFifteenMinutes() {
		JsonNode ticket = create(as("dave"), Map.of("subject", "Portal down", "description", "All sites", "priority", "P1"));
		assertThat(java.time.Duration.between(java.time.Instant.parse(ticket.get("createdAt").asString()),
				java.time.Instant.parse(ticket.get("sla").get("firstResponseDueAt").asString())))
			.isEqualTo(java.time.Duration.ofMinutes(15));
	}

	@Test
	void anAgentMustNameTheCustomer() {
		WebTestClient alice = as("alice");
		post(alice, Map.of("subject", "Phone call", "description", "Customer called")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
		post(alice, Map.of("subject", "Phone call", "description", "x", "customerId", DemoUsers.BOB.id()))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
		JsonNode ticket = create(alice,
				Map.of("subject", "Phone call", "description", "Customer called", "customerId", DemoUsers.DAVE.id()));
		assertThat(ticket.get("customer").get("displayName").asString()).startsWith("Dave");
	}

	@Test
	void aCustomerCannotOpenATicketForSomeoneElse() {
		post(as("carol"), Map.of("subject", "s", "description", "d", "customerId", DemoUsers.DAVE.id()))
			.expectStatus().isForbidden();
	}

	@Test
	void badTicketBodiesAreClearErrorsAndWriteNothing() {
		WebTestClient carol = as("carol");
		String subject = "invalid-" + UUID.randomUUID();
		post(carol, Map.of("subject", " ", "description", "d")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("subject");
		post(carol, Map.of("subject", "x".repeat(201), "description", "d")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("subject");
		post(carol, Map.of("subject", subject, "description", "d", "priority", "P9")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("priority")
			.jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("P1"));
		post(carol, Map.of("subject", subject, "description", "d", "status", "OPEN")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
		post(carol, Map.of("subject", subject, "description", "d", "tags", List.of(""))).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("tags[0]");
		carol.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"subject\":")
			.exchange().expectStatus().isBadRequest();
		carol.post().uri("/api/tickets").contentType(MediaType.APPLICATION_XML).bodyValue("<ticket/>")
			.exchange().expectStatus().isEqualTo(415);
		assertThat(list(as("alice"), "q=" + subject).get("items").size()).isZero();
	}

	@Test
	void aCustomerSeesOnlyTheirOwnTickets() {
		JsonNode daves = create(as("dave"), Map.of("subject", "Dave's private ticket", "description", "d"));
		WebTestClient carol = as("carol");
		JsonNode carolsList = list(carol, "limit=100");
		carolsList.get("items").forEach(t -> assertThat(t.get("customer").get("id").asString())
			.isEqualTo(DemoUsers.CAROL.id().toString()));
		String id = daves.get("id").asString();
		carol.get().uri("/api/tickets/" + id).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		carol.get().uri("/api/tickets/" + id + "/timeline").exchange().expectStatus().isNotFound();
		carol.patch().uri("/api/tickets/" + id).header("If-Match", "1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "SOLVED")).exchange().expectStatus().isNotFound();
		as("dave").get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"1\"");
	}

	@Test
	void anAbsentTicketIsNotFound() {
		WebTestClient alice = as("alice");
		alice.get().uri("/api/tickets/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
		alice.get().uri("/api/tickets/not-an-id").exchange().expectStatus().isNotFound();
	}

	@Test
	void theListFiltersAndPages() {
		WebTestClient alice = as("alice");
		String marker = "pager-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(create(alice, Map.of("subject", marker + " " + i, "description", "d", "priority", "P4",
					"customerId", DemoUsers.DAVE.id())).get("id").asString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = list(alice, "q=" + marker + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			page.get("items").forEach(t -> seen.add(t.get("id").asString()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(created.reversed());
		assertThat(new HashSet<>(seen)).hasSize(5);

		JsonNode first = list(alice, "q=" + marker.toUpperCase() + "&priority=P4&status=NEW&assignee=none");
		assertThat(first.get("items").size()).isEqualTo(5);
		assertThat(list(alice, "q=" + marker + "&priority=P1,P2").get("items").size()).isZero();
		assertThat(list(alice, "q=" + marker + "&assignee=me").get("items").size()).isZero();

		String id = created.get(0);
		patch(alice, id, "1", Map.of("assigneeId", DemoUsers.ALICE.id().toString())).expectStatus().isOk();
		JsonNode mine = list(alice, "q=" + marker + "&assignee=me");
		assertThat(mine.get("items").size()).isOne();
		assertThat(list(alice, "q=" + marker + "&assignee=" + DemoUsers.ALICE.id()).get("items").size()).isOne();
		assertThat(list(alice, "q=" + marker + "&assignee=none").get("items").size()).isEqualTo(4);
	}

	@Test
	void badListParametersAreClearErrors() {
		WebTestClient alice = as("alice");
		for (String query : List.of("status=DONE", "priority=P0", "assignee=someone", "limit=0", "limit=101",
				"limit=ten", "cursor=garbage!", "q=" + "x".repeat(201))) {
			alice.get().uri("/api/tickets?" + query).exchange().expectStatus().isBadRequest()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.errors[0].field").exists();
		}
	}

	@Test
	void patchingNeedsTheVersionYouRead() {
		WebTestClient alice = as("alice");
		String id = agentTicket(alice).get("id").asString();
		alice.patch().uri("/api/tickets/" + id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "OPEN")).exchange()
			.expectStatus().isEqualTo(428)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		patch(alice, id, "\"1\"", Map.of("status", "OPEN", "priority", "P2")).expectStatus().isOk()
			.expectHeader().valueEquals("ETag", "\"2\"")
			.expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.status").isEqualTo("OPEN")
			.jsonPath("$.priority").isEqualTo("P2");
		patch(alice, id, "1", Map.of("status", "PENDING")).expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.current.version").isEqualTo(2).jsonPath("$.current.status").isEqualTo("OPEN");
		patch(alice, id, "W/\"2\"", Map.of("status", "PENDING")).expectStatus().isOk()
			.expectBody().jsonPath("$.sla.state").isEqualTo("PAUSED");
		patch(alice, id, "abc", Map.of("status", "OPEN")).expectStatus().isBadRequest();
	}

	@Test
	void illegalStatusChangesAreConflicts() {
		WebTestClient alice = as("alice");
		String id = agentTicket(alice).get("id").asString();
		patch(alice, id, "1", Map.of("status", "CLOSED")).expectStatus().isOk();
		patch(alice, id, "2", Map.of("status", "OPEN")).expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/illegal-state-change");
		patch(alice, id, "2", Map.of("status", "NEW")).expectStatus().isEqualTo(409);
		alice.get().uri("/api/tickets/" + id).exchange().expectBody().jsonPath("$.version").isEqualTo(2)
			.jsonPath("$.sla.state").isEqualTo("MET");
	}

	@Test
	void badPatchBodiesAreClearErrors() {
		WebTestClient alice = as("alice");
		String id = agentTicket(alice).get("id").asString();
		patch(alice, id, "1", Map.of("subject", "renamed")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("subject");
		patch(alice, id, "1", Map.of()).expectStatus().isBadRequest();
		patch(alice, id, "1", Map.of("status", "LOST")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
		patch(alice, id, "1", Map.of("assigneeId", "nobody")).expectStatus().isBadRequest();
		patch(alice, id, "1", Map.of("assigneeId", DemoUsers.CAROL.id().toString())).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("assigneeId");
		patch(alice, id, "1", Map.of("tags", "not-a-list")).expectStatus().isBadRequest();
		alice.patch().uri("/api/tickets/" + id).header("If-Match", "1").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"status\":").exchange().expectStatus().isBadRequest();
		alice.get().uri("/api/tickets/" + id).exchange().expectBody().jsonPath("$.version").isEqualTo(1);
	}

	@Test
	void aCustomerMayOnlyMarkTheirTicketSolved() {
		WebTestClient carol = as("carol");
		String id = create(carol, Map.of("subject", "Solved by myself", "description", "d")).get("id").asString();
		patch(carol, id, "1", Map.of("priority", "P1")).expectStatus().isForbidden();
		patch(carol, id, "1", Map.of("status", "CLOSED")).expectStatus().isForbidden();
		patch(carol, id, "1", Map.of("status", "SOLVED")).expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("SOLVED").jsonPath("$.sla.state").isEqualTo("MET");
	}

	@Test
	void theTimelineRecordsEveryChangeInOrder() {
		WebTestClient alice = as("alice");
		String id = agentTicket(alice).get("id").asString();
		patch(alice, id, "1", Map.of("assigneeId", DemoUsers.BOB.id().toString(), "status", "OPEN"))
			.expectStatus().isOk();
		patch(alice, id, "2", Map.of("tags", List.of("escalated"))).expectStatus().isOk();
		JsonNode timeline = alice.get().uri("/api/tickets/" + id + "/timeline").exchange()
			.expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(timeline.size()).isEqualTo(3);
		assertThat(timeline.get(0).get("type").asString()).isEqualTo("ticket.created");
		assertThat(timeline.get(1).get("type").asString()).isEqualTo("ticket.updated");
		assertThat(timeline.get(1).get("data").get("changed").toString()).isEqualTo("[\"status\",\"assignee\"]");
		assertThat(timeline.get(1).get("data").get("actor").get("displayName").asString()).isEqualTo("Alice Chen");
		assertThat(timeline.get(1).get("data").get("ticket").get("assignee").get("displayName").asString())
			.isEqualTo("Bob Martin");
		assertThat(timeline.get(2).get("data").get("changed").toString()).isEqualTo("[\"tags\"]");
		for (int i = 0; i < 3; i++) {
			assertThat(timeline.get(i).get("seq").asLong()).isEqualTo(i + 1);
			assertThat(timeline.get(i).get("stream").asString()).isEqualTo("tickets." + id);
			assertThat(timeline.get(i).get("ticketId").asString()).isEqualTo(id);
		}
		JsonNode later = alice.get().uri("/api/tickets/" + id + "/timeline?afterSeq=2").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(later.size()).isOne();
		assertThat(later.get(0).get("seq").asLong()).isEqualTo(3);
		alice.get().uri("/api/tickets/" + id + "/timeline?afterSeq=-1").exchange().expectStatus().isBadRequest();
	}

	@Test
	void aPatchThatChangesNothingKeepsTheVersion() {
		WebTestClient alice = as("alice");
		String id = agentTicket(alice).get("id").asString();
		patch(alice, id, "1", Map.of("status", "NEW")).expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(1);
	}

	private JsonNode agentTicket(WebTestClient agent) {
		return create(agent, Map.of("subject", "Agent ticket " + UUID.randomUUID(), "description", "d",
				"customerId", DemoUsers.CAROL.id()));
	}

	static JsonNode create(WebTestClient client, Map<String, ?> body) {
		return post(client, body).expectStatus().isCreated()
			.expectHeader().exists("Location")
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static WebTestClient.ResponseSpec post(WebTestClient client, Map<String, ?> body) {
		return client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	static WebTestClient.ResponseSpec patch(WebTestClient client, String id, String ifMatch, Map<String, ?> body) {
		return client.patch().uri("/api/tickets/" + id).header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	static JsonNode list(WebTestClient client, String query) {
		return client.get().uri("/api/tickets?" + query).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
