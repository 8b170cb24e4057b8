package io.lifeline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.ServerProcess;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.TestDatabase;
import io.lifeline.system.PostgresUrl;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two server processes on one database route the same queue: many tickets opened at once on both, agents connected
 * to different nodes, and every ticket assigned exactly once.
 */
class RoutingClusterIntegrationTests {

	static final String SECRET = "routing-cluster-test-secret-of-enough-length-0123456789";

	static final int TICKETS = 60;

	static PostgresUrl database;

	static ConnectionFactory connections;

	static ServerProcess nodeA;

	static ServerProcess nodeB;

	@BeforeAll
	static void startNodes() {
		database = TestDatabase.fresh();
		var options = ConnectionFactoryOptions.parse(database.r2dbc()).mutate()
			.option(ConnectionFactoryOptions.USER, database.username() == null ? "postgres" : database.username());
		if (database.password() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, database.password());
		}
		connections = ConnectionFactories.get(options.build());
		nodeA = start("route-a");
		nodeB = start("route-b");
	}

	@AfterAll
	static void stopNodes() {
		for (ServerProcess node : new ServerProcess[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void manyTicketsOpenedAtOnceOnTwoNodesAreEachAssignedOnce() throws InterruptedException {
		WebTestClient sam = as(nodeA, "sam");
		for (var agent : List.of(DemoUsers.ALICE, DemoUsers.BOB)) {
			sam.put().uri("/api/agents/" + agent.id() + "/profile").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("skills", List.of(), "tier", 2, "capacity", 100)).exchange().expectStatus().isOk();
		}
		try (StompTestClient alice = StompTestClient.connect(nodeA.url(), token(nodeA, "alice"));
				StompTestClient bob = StompTestClient.connect(nodeB.url(), token(nodeB, "bob"))) {
			alice.subscribeAndWait("t", "/topic/tickets", Map.of());
			bob.subscribeAndWait("t", "/topic/tickets", Map.of());
			long present = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (connectedOnA(sam) < 2 && System.nanoTime() < present) {
				Thread.sleep(50);
			}
			WebTestClient carolA = as(nodeA, "carol");
			WebTestClient carolB = as(nodeB, "carol");
			Flux.range(0, TICKETS)
				.parallel(8)
				.runOn(Schedulers.boundedElastic())
				.map(i -> (i % 2 == 0 ? carolA : carolB).post().uri("/api/tickets")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("subject", "Rush " + i, "description", "at once", "priority", "P" + (1 + i % 4)))
					.exchange().expectStatus().isCreated().returnResult(Void.class).getStatus())
				.sequential()
				.blockLast(Duration.ofMinutes(1));

			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (count("select count(*) from tickets where subject like 'Rush %' and assignee_id is null") > 0
					&& System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			Thread.sleep(2_000);
		}
		assertThat(count("select count(*) from tickets where subject like 'Rush %' and assignee_id is null")).isZero();
		assertThat(count("""
				select count(*) from events e join tickets t on t.id = e.ticket_id
				where t.subject like 'Rush %' and e.stream = 'tickets.' || t.id and e.type = 'ticket.updated'
				  and e.data ? 'assignmentReason'""")).isEqualTo(TICKETS);
		assertThat(count("""
				select count(*) from (select t.id from tickets t join events e on e.ticket_id = t.id
				  and e.stream = 'tickets.' || t.id and e.data ? 'assignmentReason'
				  where t.subject like 'Rush %' group by t.id having count(*) > 1) twice""")).isZero();
		// Both agents took a share: the load was balanced across the nodes' agents.
		assertThat(count("select count(distinct assignee_id) from tickets where subject like 'Rush %'"))
			.isEqualTo(2);
	}

	/** Agents node A sees connected anywhere in the cluster. */
	static long connectedOnA(WebTestClient client) {
		return client.get().uri("/api/agents").exchange().expectStatus().isOk()
			.expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
			.valueStream().filter(agent -> agent.get("connected").asBoolean()).count();
	}

	static long count(String sql) {
		return Mono.usingWhen(connections.create(),
				connection -> Mono.from(connection.createStatement(sql).execute())
					.flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, Long.class)))),
				connection -> connection.close())
			.block(Duration.ofSeconds(10));
	}

	/** The nodes' own event channel: presence travels on it, and no other test run hears it. */
	static final String CHANNEL = "lifeline:test:routing:" + java.util.UUID.randomUUID();

	static ServerProcess start(String node) {
		return ServerProcess.start(node, Map.of(
				"lifeline.database.url", database.plain(),
				"lifeline.database.username", database.username() == null ? "" : database.username(),
				"lifeline.database.password", database.password() == null ? "" : database.password(),
				"lifeline.security.token-secret", SECRET,
				"lifeline.realtime.redis-url", io.lifeline.support.TestRedis.url(),
				"lifeline.realtime.channel", CHANNEL,
				"lifeline.routing.auto-assign", "true",
				"lifeline.routing.interval", "PT1S",
				"lifeline.demo.enabled", "true"));
	}

	static String token(ServerProcess node, String username) {
		return WebTestClient.bindToServer().baseUrl(node.url()).build().post().uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", username, "password", "demo"))
			.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
			.get("token").asString();
	}

	static WebTestClient as(ServerProcess node, String username) {
		return WebTestClient.bindToServer().baseUrl(node.url()).responseTimeout(Duration.ofSeconds(30)).build()
			.mutate().defaultHeader("Authorization", "Bearer " + token(node, username)).build();
	}

}
