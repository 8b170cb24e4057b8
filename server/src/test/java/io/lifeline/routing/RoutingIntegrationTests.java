package io.lifeline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@TestPropertySource(properties = { "lifeline.test.auto-assign=true", "lifeline.routing.interval=PT1S" })
class RoutingIntegrationTests extends IntegrationTest {

	static final String ALICE = DemoUsers.ALICE.id().toString();

	static final String BOB = DemoUsers.BOB.id().toString();

	/** alice's and bob's consoles: a live session is what makes an agent present. */
	static StompTestClient aliceConsole;

	static StompTestClient bobConsole;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void aQuietFloor() {
		if (aliceConsole == null) {
			aliceConsole = StompTestClient.connect(baseUrl(), login("alice"));
			aliceConsole.subscribeAndWait("t", "/topic/tickets", Map.of());
			bobConsole = StompTestClient.connect(baseUrl(), login("bob"));
			bobConsole.subscribeAndWait("t", "/topic/tickets", Map.of());
		}
		status("alice", "AWAY");
		status("bob", "AWAY");
		db.sql("update tickets set status = 'CLOSED' where status not in ('SOLVED', 'CLOSED')").then().block();
		profile(ALICE, List.of("accounts", "login"), 1, 5);
		profile(BOB, List.of("drawings", "sync"), 2, 5);
	}

	@AfterAll
	static void closeConsoles() {
		if (aliceConsole != null) {
			aliceConsole.close();
			bobConsole.close();
			aliceConsole = null;
		}
	}

	@Test
	void theBestSkillMatchGetsTheTicketWithTheReasonOnItsTimeline() {
		status("alice", "AVAILABLE");
		status("bob", "AVAILABLE");
		String login = ticket("P3", "登录失败", "输入密码后无法登录");
		String drawings = ticket("P3", "Drawings do not sync", "The tablet stops syncing");
		assertThat(awaitAssignee(login)).isEqualTo(ALICE);
		assertThat(awaitAssignee(drawings)).isEqualTo(BOB);
		JsonNode assigned = as("alice").get().uri("/api/tickets/" + login + "/timeline").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		JsonNode event = null;
		for (JsonNode e : assigned) {
			if (e.get("type").asString().equals("ticket.updated") && e.get("data").has("assignmentReason")) {
				event = e;
			}
		}
		assertThat(event).isNotNull();
		assertThat(event.get("data").get("assignmentReason").asString()).startsWith("auto: skills accounts, login");
		assertThat(event.get("data").get("changed").toString()).contains("assignee");

		JsonNode agents = as("sam").get().uri("/api/agents").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		for (JsonNode agent : agents) {
			if (agent.get("id").asString().equals(ALICE)) {
				assertThat(agent.get("skills").toString()).isEqualTo("[\"accounts\",\"login\"]");
				assertThat(agent.get("load").asLong()).isEqualTo(1);
				assertThat(agent.get("status").asString()).isEqualTo("AVAILABLE");
			}
		}
	}

	@Test
	void awayAgentsGetNothingAndTheQueueDrainsInPriorityThenAgeOrderUpToCapacity() throws InterruptedException {
		String p4 = ticket("P4", "Question one", "q");
		String p2 = ticket("P2", "Question two", "q");
		String p3old = ticket("P3", "Question three", "q");
		String p3new = ticket("P3", "Question four", "q");
		Thread.sleep(1_500);
		for (String id : List.of(p4, p2, p3old, p3new)) {
			assertThat(assignee(id)).isNull();
		}
		profile(BOB, List.of(), 2, 2);
		status("bob", "AVAILABLE");
		assertThat(awaitAssignee(p2)).isEqualTo(BOB);
		assertThat(awaitAssignee(p3old)).isEqualTo(BOB);
		Thread.sleep(1_500);
		assertThat(assignee(p3new)).as("bob is full").isNull();
		assertThat(assignee(p4)).isNull();

		// bob solves one: freed capacity takes the next in line.
		patch(as("bob"), p2, Map.of("status", "SOLVED"));
		assertThat(awaitAssignee(p3new)).isEqualTo(BOB);
		status("alice", "AVAILABLE");
		assertThat(awaitAssignee(p4)).isEqualTo(ALICE);
	}

	@Test
	void aP1GoesToATierTwoExpertOnly() throws InterruptedException {
		status("alice", "AVAILABLE");
		String p1 = ticket("P1", "Login down for everyone", "nobody can log in");
		Thread.sleep(1_500);
		assertThat(assignee(p1)).as("alice matches but is tier 1").isNull();
		status("bob", "AVAILABLE");
		assertThat(awaitAssignee(p1)).isEqualTo(BOB);
	}

	@Test
	void manualAssignmentWins() throws InterruptedException {
		String id = ticket("P3", "Login page blank", "after the update");
		patch(as("sam"), id, Map.of("assigneeId", BOB));
		status("alice", "AVAILABLE");
		Thread.sleep(1_500);
		assertThat(assignee(id)).isEqualTo(BOB);

		String auto = ticket("P3", "Password reset mail missing", "no mail");
		assertThat(awaitAssignee(auto)).isEqualTo(ALICE);
		patch(as("sam"), auto, Map.of("assigneeId", BOB));
		Thread.sleep(1_500);
		assertThat(assignee(auto)).isEqualTo(BOB);
	}

	@Test
	void profilesAreForSupervisorsAndChecked() {
		as("alice").put().uri("/api/agents/" + ALICE + "/profile").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("skills", List.of("x"), "tier", 2, "capacity", 9)).exchange().expectStatus()
			.isForbidden();
		as("sam").put().uri("/api/agents/" + ALICE + "/profile").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("skills", List.of("x"), "tier", 3, "capacity", -1)).exchange().expectStatus()
			.isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(2);
		as("sam").put().uri("/api/agents/" + DemoUsers.CAROL.id() + "/profile").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("skills", List.of("x"))).exchange().expectStatus().isNotFound();
	}

	private void status(String user, String status) {
		as(user).put().uri("/api/agents/me/status").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
	}

	private void profile(String id, List<String> skills, int tier, int capacity) {
		as("sam").put().uri("/api/agents/" + id + "/profile").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("skills", skills, "tier", tier, "capacity", capacity)).exchange().expectStatus().isOk();
	}

	private String ticket(String priority, String subject, String description) {
		return as("carol").post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "description", description, "priority", priority)).exchange()
			.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id")
			.asString();
	}

	private String assignee(String id) {
		JsonNode ticket = as("sam").get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return ticket.get("assignee").isNull() ? null : ticket.get("assignee").get("id").asString();
	}

	private String awaitAssignee(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		String assignee = assignee(id);
		while (assignee == null && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			assignee = assignee(id);
		}
		return assignee;
	}

	private static void patch(WebTestClient client, String id, Map<String, ?> body) {
		JsonNode current = client.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		client.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
	}

}
