package io.lifeline.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.ServerProcess;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.TestDatabase;
import io.lifeline.support.TestRedis;
import io.lifeline.system.PostgresUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The wall board on two nodes (each its own JVM, one PostgreSQL, one Redis): both fold the same log to the same
 * figures, a change on one moves the board on the other without pushing twice, and a node that was down rebuilds
 * the figures from PostgreSQL when it starts.
 */
class WallboardClusterIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "wallboard-cluster-secret-0123456789abcdef01234";

	/** The figures that come from the log (agents' presence is per node; {@code at} is the moment of asking). */
	private static final List<String> FIGURES = List.of("openByPriority", "unassigned", "slaAtRisk", "slaBreached",
			"firstResponseMedianSeconds", "resolutionMedianSeconds", "csatAverage", "fcrRate", "repeatRate", "nps",
			"slaCompliance", "openTotal", "openedInWindow", "resolvedInWindow", "activeAssistSessions");

	private static PostgresUrl database;

	private static String channel;

	private static ServerProcess nodeA;

	private static ServerProcess nodeB;

	@BeforeAll
	static void startCluster() {
		database = TestDatabase.fresh();
		channel = "lifeline:test:" + UUID.randomUUID();
		nodeA = start("wallboard-a");
		nodeB = start("wallboard-b");
	}

	@AfterAll
	static void stopCluster() {
		for (ServerProcess node : new ServerProcess[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void aChangeOnOneNodeMovesTheBoardOnTheOtherOncePerPush() {
		try (StompTestClient onB = StompTestClient.connect(nodeB.url(), token(nodeB, "sam"))) {
			onB.subscribeAndWait("wb", "/topic/wallboard", Map.of());
			long p1 = wallboard(nodeB).get("openByPriority").get("P1").asLong();
			WebTestClient alice = as(nodeA, "alice");
			for (int i = 0; i < 10; i++) {
				create(alice, "Cluster board " + i, "P1");
			}
			List<JsonNode> pushes = new ArrayList<>();
			while (pushes.isEmpty() || pushes.getLast().get("openByPriority").get("P1").asLong() < p1 + 10) {
				pushes.add(JSON.readTree(onB.next(this::wallboardFrame, Duration.ofSeconds(10)).body()).get("data"));
			}
			for (int i = 1; i < pushes.size(); i++) {
				// one node's pushes only: never two within the push interval
				assertThat(Duration.between(Instant.parse(pushes.get(i - 1).get("at").asString()),
						Instant.parse(pushes.get(i).get("at").asString())))
					.isGreaterThanOrEqualTo(Duration.ofMillis(250));
			}
		}
		awaitSameFigures();
	}

	@Test
	void aNodeThatWasDownRebuildsTheFiguresFromPostgres() {
		WebTestClient alice = as(nodeA, "alice");
		String solved = create(alice, "Rebuild me", "P2");
		alice.post().uri("/api/tickets/" + solved + "/messages").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("body", "Fixed it", "clientMessageId", UUID.randomUUID().toString()))
			.exchange().expectStatus().isCreated();
		awaitSameFigures();
		nodeB.kill();
		patch(alice, solved, Map.of("status", "SOLVED"));
		as(nodeA, "carol").post().uri("/api/tickets/" + solved + "/survey").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("csat", 5, "nps", 10)).exchange().expectStatus().isCreated();
		for (int i = 0; i < 5; i++) {
			create(alice, "While B is down " + i, "P3");
		}
		nodeB.start();
		JsonNode rebuilt = awaitSameFigures();
		assertThat(rebuilt.get("csatAverage").asDouble()).isEqualTo(5.0);
		assertThat(rebuilt.get("resolvedInWindow").asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anAgentConnectedToOneNodeIsOnlineOnTheOtherAndHerStatusFollows() {
		try (StompTestClient bobOnB = StompTestClient.connect(nodeB.url(), token(nodeB, "bob"))) {
			bobOnB.subscribeAndWait("q", "/topic/tickets", Map.of());
			WebTestClient samOnA = as(nodeA, "sam");
			assertThat(awaitAgent(samOnA, "Bob Martin", "AVAILABLE").get("connected").asBoolean()).isTrue();
			as(nodeB, "bob").put().uri("/api/agents/me/status").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("status", "BUSY")).exchange().expectStatus().isOk();
			awaitAgent(samOnA, "Bob Martin", "BUSY");
		}
		awaitAgent(as(nodeA, "sam"), "Bob Martin", "OFFLINE");
	}

	/** Polls node A's agent list until the agent shows the status; returns that agent. */
	private static JsonNode awaitAgent(WebTestClient client, String name, String status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode agent = null;
		while (System.nanoTime() < deadline) {
			JsonNode agents = client.get().uri("/api/agents").exchange().expectStatus().isOk()
				.expectBody(JsonNode.class).returnResult().getResponseBody();
			agent = agents.valueStream().filter(a -> a.get("displayName").asString().equals(name)).findFirst()
				.orElseThrow();
			if (agent.get("status").asString().equals(status)) {
				return agent;
			}
			sleep(200);
		}
		throw new AssertionError(name + " is not " + status + " on node A: " + agent);
	}

	private boolean wallboardFrame(StompTestClient.Frame frame) {
		return "MESSAGE".equals(frame.command()) && frame.body().contains("\"wallboard.updated\"");
	}

	/** Waits until both nodes show the same figures; returns them. */
	private static JsonNode awaitSameFigures() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, JsonNode> a = Map.of();
		Map<String, JsonNode> b = Map.of();
		while (System.nanoTime() < deadline) {
			JsonNode onA = wallboard(nodeA);
			a = figures(onA);
			b = figures(wallboard(nodeB));
			if (a.equals(b)) {
				return onA;
			}
			sleep(200);
		}
		assertThat(b).as("node B's figures").isEqualTo(a);
		throw new AssertionError("unreachable");
	}

	private static Map<String, JsonNode> figures(JsonNode board) {
		Map<String, JsonNode> figures = new java.util.TreeMap<>();
		FIGURES.forEach(name -> figures.put(name, board.get(name)));
		return figures;
	}

	private static JsonNode wallboard(ServerProcess node) {
		return as(node, "sam").get().uri("/api/wallboard").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static ServerProcess start(String node) {
		return ServerProcess.start(node, Map.of(
				"lifeline.database.url", database.plain(),
				"lifeline.database.username", database.username() == null ? "" : database.username(),
				"lifeline.database.password", database.password() == null ? "" : database.password(),
				"lifeline.realtime.redis-url", TestRedis.url(),
				"lifeline.realtime.channel", channel,
				"lifeline.security.token-secret", SECRET,
				"lifeline.demo.enabled", "true"));
	}

	private static String token(ServerProcess node, String username) {
		return WebTestClient.bindToServer().baseUrl(node.url()).build().post().uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", "demo")).exchange()
			.expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString();
	}

	private static WebTestClient as(ServerProcess node, String username) {
		return WebTestClient.bindToServer().baseUrl(node.url()).defaultHeader("Authorization",
				"Bearer " + token(node, username)).build();
	}

	private static String create(WebTestClient agent, String subject, String priority) {
		return agent.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "description", "d", "priority", priority, "customerId",
					DemoUsers.CAROL.id()))
			.exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	private static void patch(WebTestClient agent, String id, Map<String, ?> body) {
		JsonNode current = agent.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		agent.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
