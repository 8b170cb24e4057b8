package io.lifeline.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.signaling.SignalTestClient;
import io.lifeline.signaling.SignalingServer;
import io.lifeline.signaling.StandaloneSettings;
import io.lifeline.support.ServerProcess;
import io.lifeline.support.TestDatabase;
import io.lifeline.support.TestRedis;
import io.lifeline.system.PostgresUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two nodes, each its own JVM, sharing PostgreSQL and Redis: the two sides of a session on different nodes signal
 * to each other through Redis, a revoke on one node closes the socket on the other, and every expiry fires once. A
 * signaling process of its own, on the same Redis, serves their sessions too.
 */
class AssistClusterIntegrationTests {

	private static final String SECRET = "assist-cluster-test-secret-0123456789abcdef";

	private static final String SIGNALING_SECRET = "assist-cluster-signaling-secret-0123456789";

	private static ServerProcess nodeA;

	private static ServerProcess nodeB;

	private static SignalingServer standalone;

	@BeforeAll
	static void startCluster() {
		PostgresUrl database = TestDatabase.fresh();
		String channel = "lifeline:test:" + UUID.randomUUID();
		standalone = new SignalingServer(StandaloneSettings.from(Map.of("PORT", "0", "SIGNALING_HOST", "127.0.0.1",
				"LIFELINE_SIGNALING_SECRET", SIGNALING_SECRET, "LIFELINE_REDIS_URL", TestRedis.url(),
				"LIFELINE_SIGNAL_CHANNEL", channel + ":signal")), Clock.systemUTC());
		Map<String, String> settings = Map.ofEntries(Map.entry("lifeline.database.url", database.plain()),
				Map.entry("lifeline.database.username", database.username() == null ? "" : database.username()),
				Map.entry("lifeline.database.password", database.password() == null ? "" : database.password()),
				Map.entry("lifeline.realtime.redis-url", TestRedis.url()),
				Map.entry("lifeline.realtime.channel", channel),
				Map.entry("lifeline.assist.signal-channel", channel + ":signal"),
				Map.entry("lifeline.assist.signaling-secret", SIGNALING_SECRET),
				Map.entry("lifeline.assist.signaling-url", "ws://127.0.0.1:" + standalone.port() + "/signal"),
				Map.entry("lifeline.assist.request-timeout", "PT2S"),
				Map.entry("lifeline.assist.claim-interval", "PT0.1S"),
				Map.entry("lifeline.security.token-secret", SECRET),
				Map.entry("lifeline.demo.enabled", "true"));
		nodeA = ServerProcess.start("assist-a", settings);
		nodeB = ServerProcess.start("assist-b", settings);
	}

	@AfterAll
	static void stopCluster() {
		for (ServerProcess node : new ServerProcess[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (standalone != null) {
			standalone.close();
		}
	}

	@Test
	void sidesOnTwoNodesSignalThroughRedisAndARevokeClosesBoth() {
		AssistApi onA = api(nodeA);
		AssistApi onB = api(nodeB);
		String id = onA.consented("view", "pointer").get("id").asString();
		try (SignalTestClient customer = SignalTestClient.join(nodeA.url(), onA.join("carol", id).get("token").asString());
				SignalTestClient agent = SignalTestClient.join(nodeB.url(), onB.join("alice", id).get("token").asString())) {
			customer.next("peer-joined");
			customer.send("{\"type\":\"offer\",\"sdp\":\"v=0 across\"}");
			assertThat(agent.next("offer").get("sdp").asString()).isEqualTo("v=0 across");
			agent.send("{\"type\":\"pointer\",\"x\":0.3,\"y\":0.4}");
			assertThat(customer.next("pointer").get("x").asDouble()).isEqualTo(0.3);

			onA.post("carol", "/api/assist-sessions/" + id + "/revoke", null, 200);
			assertThat(agent.next("revoked")).isNotNull();
			assertThat(agent.awaitClose().getCode()).isEqualTo(4000);
			assertThat(customer.awaitClose().getCode()).isEqualTo(4000);
		}
	}

	@Test
	void aStandaloneSignalingProcessServesTheSessionsOfTheServers() {
		AssistApi onA = api(nodeA);
		String id = onA.consented("view").get("id").asString();
		JsonNode customerGrant = onA.join("carol", id);
		String signalingUrl = customerGrant.get("signalingUrl").asString();
		assertThat(signalingUrl).isEqualTo("ws://127.0.0.1:" + standalone.port() + "/signal");
		String standaloneBase = signalingUrl.replace("ws://", "http://").replace("/signal", "");
		try (SignalTestClient customer = SignalTestClient.join(standaloneBase, customerGrant.get("token").asString());
				SignalTestClient agent = SignalTestClient.join(standaloneBase,
						api(nodeB).join("alice", id).get("token").asString())) {
			// As the browser does: the customer offers once it hears the agent has joined.
			customer.next("peer-joined");
			customer.send("{\"type\":\"offer\",\"sdp\":\"v=0 standalone\"}");
			assertThat(agent.next("offer").get("sdp").asString()).isEqualTo("v=0 standalone");
			api(nodeB).post("sam", "/api/assist-sessions/" + id + "/end", null, 200);
			assertThat(customer.next("ended").get("reason").asString()).isEqualTo("ended");
			assertThat(customer.awaitClose().getCode()).isEqualTo(4001);
			assertThat(agent.awaitClose().getCode()).isEqualTo(4001);
		}
	}

	@Test
	void aTokenIsSingleUseAcrossNodes() {
		AssistApi onA = api(nodeA);
		String id = onA.consented("view").get("id").asString();
		String token = onA.join("carol", id).get("token").asString();
		try (SignalTestClient first = SignalTestClient.join(nodeA.url(), token);
				SignalTestClient replay = SignalTestClient.open(nodeB.url())) {
			replay.send("{\"type\":\"join\",\"token\":\"" + token + "\"}");
			assertThat(replay.next("error").get("code").asString()).isEqualTo("token-used");
		}
	}

	@Test
	void eachExpiryFiresExactlyOnce() {
		AssistApi onA = api(nodeA);
		List<String> tickets = new ArrayList<>();
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String ticket = onA.ticket(i % 2 == 0 ? "carol" : "dave");
			tickets.add(ticket);
			sessions.add(onA.request(ticket, "view").get("id").asString());
		}
		for (String id : sessions) {
			assertThat(onA.awaitState(id, "EXPIRED").get("state").asString()).isEqualTo("EXPIRED");
		}
		for (String ticket : tickets) {
			assertThat(AssistApi.count(api(nodeB).timeline(ticket), "assist.expired")).isEqualTo(1);
		}
	}

	private static AssistApi api(ServerProcess node) {
		WebTestClient client = WebTestClient.bindToServer().baseUrl(node.url()).build();
		return new AssistApi(username -> client.mutate()
			.defaultHeader("Authorization", "Bearer " + client.post().uri("/api/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", "demo")).exchange()
				.expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString())
			.build());
	}

}
