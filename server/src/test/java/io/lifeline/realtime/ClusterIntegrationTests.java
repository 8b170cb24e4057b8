package io.lifeline.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.StompTestClient.Frame;
import io.lifeline.support.ServerProcess;
import io.lifeline.support.TcpProxy;
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
 * Two server nodes, each its own JVM, sharing one PostgreSQL and one Redis, as in production: a change on one reaches subscribers on
 * the other, and neither a Redis outage nor a node restart costs a subscriber an event.
 */
class ClusterIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "cluster-test-secret-0123456789abcdef0123456789";

	private static PostgresUrl database;

	private static TcpProxy redis;

	private static String channel;

	private static ServerProcess nodeA;

	private static ServerProcess nodeB;

	@BeforeAll
	static void startCluster() {
		database = TestDatabase.fresh();
		java.net.URI redisUri = java.net.URI.create(TestRedis.url());
		redis = new TcpProxy(redisUri.getHost(), redisUri.getPort());
		channel = "lifeline:test:" + UUID.randomUUID();
		nodeA = start("node-a");
		nodeB = start("node-b");
	}

	@AfterAll
	static void stopCluster() {
		for (ServerProcess node : new ServerProcess[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aChangeOnOneNodeReachesASubscriberOnTheOther() {
		String id = createTicket(nodeA);
		try (StompTestClient onB = StompTestClient.connect(url(nodeB), token(nodeB, "bob"))) {
			onB.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			patch(nodeA, id, Map.of("status", "OPEN"));
			JsonNode event = JSON.readTree(onB.next(message()).body());
			assertThat(event.get("type").asString()).isEqualTo("ticket.updated");
			assertThat(event.get("data").get("ticket").get("status").asString()).isEqualTo("OPEN");
		}
	}

	@Test
	void aRedisOutageLosesNothing() {
		String id = createTicket(nodeA);
		try (StompTestClient onA = StompTestClient.connect(url(nodeA), token(nodeA, "alice"));
				StompTestClient onB = StompTestClient.connect(url(nodeB), token(nodeB, "bob"))) {
			onA.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			onB.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			patchTimes(nodeA, id, 5, "before");
			redis.stop();
			patchTimes(nodeA, id, 10, "during");
			patchTimes(nodeB, id, 10, "during-b");
			redis.start();
			patchTimes(nodeA, id, 5, "after");
			patchTimes(nodeB, id, 5, "after-b");
			assertThat(seqs(onA, 35)).containsExactlyElementsOf(range(2, 36));
			assertThat(seqs(onB, 35)).containsExactlyElementsOf(range(2, 36));
			assertThat(onA.drain()).noneMatch(message());
			assertThat(onB.drain()).noneMatch(message());
		}
	}

	@Test
	void aRestartedNodesClientsResumeAndMissNothing() {
		String id = createTicket(nodeA);
		String token = token(nodeB, "bob");
		long last;
		try (StompTestClient onB = StompTestClient.connect(url(nodeB), token)) {
			onB.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			patchTimes(nodeA, id, 3, "before");
			List<Long> seen = seqs(onB, 3);
			last = seen.get(seen.size() - 1);
			nodeB.kill();
			onB.awaitClose();
		}
		patchTimes(nodeA, id, 4, "while-down");
		nodeB.start();
		try (StompTestClient again = StompTestClient.connect(url(nodeB), token)) {
			again.subscribeAndWait("t", "/topic/tickets." + id, Map.of("resume-after", Long.toString(last)));
			patchTimes(nodeA, id, 2, "after");
			assertThat(seqs(again, 6)).containsExactlyElementsOf(range(last + 1, last + 6));
		}
	}

	private static ServerProcess start(String node) {
		return ServerProcess.start(node, Map.of(
				"lifeline.database.url", database.plain(),
				"lifeline.database.username", database.username() == null ? "" : database.username(),
				"lifeline.database.password", database.password() == null ? "" : database.password(),
				"lifeline.realtime.redis-url", "redis://127.0.0.1:" + redis.port(),
				"lifeline.realtime.channel", channel,
				"lifeline.security.token-secret", SECRET,
				"lifeline.demo.enabled", "true"));
	}

	private static String url(ServerProcess node) {
		return node.url();
	}

	private static WebTestClient client(ServerProcess node) {
		return WebTestClient.bindToServer().baseUrl(url(node)).build();
	}

	private static String token(ServerProcess node, String username) {
		return client(node).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", "demo")).exchange()
			.expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString();
	}

	private static WebTestClient as(ServerProcess node, String username) {
		return client(node).mutate().defaultHeader("Authorization", "Bearer " + token(node, username)).build();
	}

	private static String createTicket(ServerProcess node) {
		return as(node, "alice").post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Cluster", "description", "d", "customerId", DemoUsers.CAROL.id()))
			.exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	private static void patchTimes(ServerProcess node, String id, int times, String tag) {
		WebTestClient agent = as(node, "alice");
		for (int i = 0; i < times; i++) {
			patch(agent, id, Map.of("tags", List.of(tag + "-" + i)));
		}
	}

	private static void patch(ServerProcess node, String id, Map<String, ?> body) {
		patch(as(node, "alice"), id, body);
	}

	private static void patch(WebTestClient agent, String id, Map<String, ?> body) {
		JsonNode current = agent.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		agent.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
	}

	private static List<Long> seqs(StompTestClient client, int count) {
		List<Long> seqs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			seqs.add(JSON.readTree(client.next(message()).body()).get("seq").asLong());
		}
		return seqs;
	}

	private static List<Long> range(long from, long to) {
		return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
	}

	/** A durable event (presence and typing come and go). */
	private static java.util.function.Predicate<Frame> message() {
		return frame -> "MESSAGE".equals(frame.command()) && !frame.body().startsWith("{\"seq\":null");
	}

}
