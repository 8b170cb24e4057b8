package io.lifeline.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The wall board, agent status, surveys, reports and wall-board tokens end to end: live pushes at most four a second
 * with the last one exact, presence making agents OFFLINE, survey rules and low-score alerts, role guards.
 */
class WallboardIntegrationTests extends IntegrationTest {

	@Autowired
	JsonMapper json;

	JsonNode get(WebTestClient client, String uri) {
		return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
			.getResponseBody();
	}

	String create(WebTestClient client, String subject, String priority) {
		return client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "description", "wall board test", "priority", priority))
			.exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	void patch(WebTestClient client, String id, Map<String, ?> body) {
		JsonNode current = get(client, "/api/tickets/" + id);
		client.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
	}

	boolean wallboard(StompTestClient.Frame frame) {
		return "MESSAGE".equals(frame.command()) && frame.body().contains("\"wallboard.updated\"");
	}

	@Test
	void theWallBoardUpdatesLiveAtMostFourTimesASecondAndTheLastPushIsExact() {
		WebTestClient sam = as("sam");
		WebTestClient carol = as("carol");
		try (StompTestClient board = StompTestClient.connect(baseUrl(), login("sam"))) {
			board.subscribeAndWait("wb", "/topic/wallboard", Map.of());
			long p1Before = get(sam, "/api/wallboard").get("openByPriority").get("P1").asLong();
			create(carol, "Wall board burst 0", "P1");
			JsonNode pushed = json.readTree(board.next(frame -> wallboard(frame)
					&& json.readTree(frame.body()).get("data").get("openByPriority").get("P1").asLong() > p1Before)
				.body());
			assertThat(pushed.hasNonNull("seq")).isFalse(); // ephemeral
			assertThat(pushed.get("data").get("openByPriority").get("P1").asLong()).isEqualTo(p1Before + 1);

			for (int i = 1; i <= 40; i++) {
				create(carol, "Wall board burst " + i, i % 2 == 0 ? "P2" : "P1");
			}
			JsonNode exact = get(sam, "/api/wallboard");
			List<JsonNode> pushes = new ArrayList<>();
			while (true) {
				JsonNode next = json.readTree(board.next(this::wallboard, Duration.ofSeconds(5)).body()).get("data");
				pushes.add(next);
				if (next.get("openByPriority").equals(exact.get("openByPriority"))) {
					break;
				}
			}
			for (int i = 1; i < pushes.size(); i++) {
				Instant before = Instant.parse(pushes.get(i - 1).get("at").asString());
				Instant after = Instant.parse(pushes.get(i).get("at").asString());
				assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
			}
			JsonNode last = pushes.getLast();
			assertThat(last.get("unassigned")).isEqualTo(exact.get("unassigned"));
			assertThat(last.get("openTotal")).isEqualTo(exact.get("openTotal"));
			assertThat(last.get("hourly")).hasSize(24);
			assertThat(exact.has("firstResponseMedianSeconds")).isTrue();
			assertThat(exact.has("activeAssistSessions")).isTrue();
		}
	}

	@Test
	void agentsSetTheirStatusAndWithoutALiveSessionShowOffline() {
		WebTestClient alice = as("alice");
		try (StompTestClient console = StompTestClient.connect(baseUrl(), login("alice"))) {
			console.subscribeAndWait("t", "/topic/tickets", Map.of());
			alice.put().uri("/api/agents/me/status").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "BUSY")).exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("BUSY");
			JsonNode agents = get(alice, "/api/agents");
			assertThat(status(agents, "Alice")).isEqualTo("BUSY");
			assertThat(status(agents, "Bob")).isEqualTo("OFFLINE");
			JsonNode board = get(as("sam"), "/api/wallboard");
			assertThat(status(board.get("agents"), "Alice")).isEqualTo("BUSY");
		}
		await(() -> status(get(alice, "/api/agents"), "Alice").equals("OFFLINE"));
		alice.put().uri("/api/agents/me/status").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "SLEEPING")).exchange().expectStatus().isBadRequest();
		as("carol").get().uri("/api/agents").exchange().expectStatus().isForbidden();
	}

	@Test
	void theCustomerRatesASolvedTicketOnceChangeablyAndALowScoreAlertsSupervisors() {
		WebTestClient carol = as("carol");
		WebTestClient alice = as("alice");
		String id = create(carol, "Survey please", "P3");
		String survey = "/api/tickets/" + id + "/survey";
		carol.post().uri(survey).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("csat", 5))
			.exchange().expectStatus().isEqualTo(409);
		patch(alice, id, Map.of("status", "SOLVED"));
		try (StompTestClient alerts = StompTestClient.connect(baseUrl(), login("sam"));
				StompTestClient ticket = StompTestClient.connect(baseUrl(), login("carol"))) {
			alerts.subscribeAndWait("a", "/user/queue/alerts", Map.of());
			ticket.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			carol.post().uri(survey).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("csat", 6)).exchange().expectStatus().isBadRequest()
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("csat");
			carol.post().uri(survey).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("csat", 4, "nps", 9, "comment", "Quick")).exchange().expectStatus().isCreated()
				.expectBody().jsonPath("$.csat").isEqualTo(4);
			ticket.next(frame -> frame.body().contains("\"survey.submitted\""));
			carol.post().uri(survey).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("csat", 1, "nps", 2, "comment", "It broke again")).exchange().expectStatus().isOk();
			JsonNode low = json.readTree(alerts.next(frame -> frame.body().contains("\"survey.low-score\"")
					&& frame.body().contains(id)).body());
			assertThat(low.get("data").get("survey").get("csat").asInt()).isEqualTo(1);
		}
		JsonNode answer = get(alice, survey);
		assertThat(answer.get("csat").asInt()).isEqualTo(1);
		assertThat(answer.get("comment").asString()).isEqualTo("It broke again");
		alice.post().uri(survey).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("csat", 5))
			.exchange().expectStatus().isForbidden();
		as("dave").get().uri(survey).exchange().expectStatus().isNotFound();
		await(() -> get(as("sam"), "/api/wallboard").get("csatAverage").isNumber());
	}

	@Test
	void reportsForSupervisorsAsJsonAndCsv() {
		WebTestClient sam = as("sam");
		JsonNode byPriority = get(sam, "/api/reports/kpis?groupBy=priority");
		assertThat(byPriority.get("groupBy").asString()).isEqualTo("priority");
		assertThat(byPriority.get("rows").isArray()).isTrue();
		String csv = sam.get().uri("/api/reports/kpis?groupBy=agent").header("Accept", "text/csv").exchange()
			.expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(csv).startsWith(String.join(",", KpiReport.COLUMNS) + "\r\n");
		sam.get().uri("/api/reports/kpis?format=csv&groupBy=day").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/csv");
		sam.get().uri("/api/reports/kpis?groupBy=week").exchange().expectStatus().isBadRequest();
		sam.get().uri("/api/reports/kpis?from=yesterday").exchange().expectStatus().isBadRequest();
		JsonNode health = get(sam, "/api/reports/ticket-health");
		assertThat(health.get("items").isArray()).isTrue();
		assertThat(health.get("byPriority").isArray()).isTrue();
		as("alice").get().uri("/api/reports/kpis").exchange().expectStatus().isForbidden();
	}

	@Test
	void aWallBoardTokenReadsTheWallBoardAndNothingElse() {
		WebTestClient sam = as("sam");
		as("alice").get().uri("/api/wallboard").exchange().expectStatus().isForbidden();
		as("alice").post().uri("/api/wallboard/tokens").exchange().expectStatus().isForbidden();
		JsonNode issued = sam.post().uri("/api/wallboard/tokens").exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		String token = issued.get("token").asString();
		assertThat(issued.get("url").asString()).isEqualTo("/wallboard/#token=" + token);
		WebTestClient screen = client.mutate().defaultHeader("Authorization", "Bearer " + token).build();
		screen.get().uri("/api/wallboard").exchange().expectStatus().isOk();
		screen.get().uri("/api/tickets").exchange().expectStatus().isForbidden();
		screen.get().uri("/api/me").exchange().expectStatus().isForbidden();
		screen.post().uri("/api/wallboard/tokens").exchange().expectStatus().isForbidden();
		try (StompTestClient wall = StompTestClient.connect(baseUrl(), token)) {
			wall.subscribeAndWait("wb", "/topic/wallboard", Map.of());
			wall.subscribe("t", "/topic/tickets", Map.of());
			assertThat(wall.next(frame -> "ERROR".equals(frame.command())).header("message"))
				.contains("Not allowed");
		}
	}

	static String status(JsonNode agents, String name) {
		for (JsonNode agent : agents) {
			if (agent.get("displayName").asString().startsWith(name)) {
				return agent.get("status").asString();
			}
		}
		throw new AssertionError("No agent " + name + " in " + agents);
	}

	static void await(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met in time");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
