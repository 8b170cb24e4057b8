package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.ServerProcess;
import io.lifeline.support.TestDatabase;
import io.lifeline.system.PostgresUrl;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Exactly once across nodes and restarts: two server processes on one database race for the same due alerts; a
 * node that dies holding its claim leaves the alerts to the others; alerts that fell due while no node ran fire at
 * start. Counted in the event log: one warning and one breach per ticket on its stream and on every recipient's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaExactlyOnceIntegrationTests {

	static final String SECRET = "exactly-once-test-secret-of-enough-length-0123456789";

	static PostgresUrl database;

	static ConnectionFactory connections;

	static ServerProcess nodeA;

	static ServerProcess nodeB;

	/** alice on each node; tokens stay valid across restarts (same secret). */
	static WebTestClient aliceA;

	static WebTestClient aliceB;

	@BeforeAll
	static void startNodes() {
		database = TestDatabase.fresh();
		var options = io.r2dbc.spi.ConnectionFactoryOptions.parse(database.r2dbc())
			.mutate()
			.option(io.r2dbc.spi.ConnectionFactoryOptions.USER,
					database.username() == null ? "postgres" : database.username());
		if (database.password() != null) {
			options.option(io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD, database.password());
		}
		connections = ConnectionFactories.get(options.build());
		nodeA = start("sla-a");
		nodeB = start("sla-b");
		SlaApi.policy(as(nodeA, "sam"), "P4", "PT3S", "PT1S");
		aliceA = as(nodeA, "alice");
		aliceB = as(nodeB, "alice");
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
	@Order(1)
	void twoNodesRacingForTheSameDueAlertsFireEachOnce() throws InterruptedException {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			tickets.add(SlaApi.openAssigned(i % 2 == 0 ? aliceA : aliceB, "P4", "Race " + i).get("id").asString());
		}
		Thread.sleep(6_000);
		assertFiredOnce(tickets);
	}

	@Test
	@Order(2)
	void aNodeKilledAfterClaimingLeavesItsAlertsToTheOthers() throws InterruptedException {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tickets.add(SlaApi.openAssigned(aliceA, "P4", "Claimed " + i).get("id").asString());
		}
		Connection claimer = Mono.from(connections.create()).block();
		Mono.from(claimer.beginTransaction()).block();
		long claimed = Flux.from(claimer.createStatement("""
				select d.id from sla_deadlines d join tickets t on t.id = d.ticket_id
				where d.ticket_id = any($1) for no key update of d, t""")
			.bind("$1", tickets.stream().map(UUID::fromString).toArray(UUID[]::new))
			.execute()).flatMap(result -> result.map((row, meta) -> row.get(0))).count().block();
		assertThat(claimed).isEqualTo(10);
		Thread.sleep(5_000);
		assertThat(count("select count(*) from events where type like 'sla.%' and ticket_id = any($1)", tickets))
			.isZero();
		// The "node" dies: its connection goes, its transaction rolls back, its locks are released.
		Mono.from(claimer.close()).block();
		Thread.sleep(3_000);
		assertFiredOnce(tickets);
	}

	@Test
	@Order(3)
	void alertsThatFellDueWhileNoNodeRanFireAtStart() throws InterruptedException {
		List<String> tickets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tickets.add(SlaApi.openAssigned(aliceB, "P4", "Downtime " + i).get("id").asString());
		}
		nodeA.kill();
		nodeB.kill();
		Thread.sleep(4_000);
		assertThat(count("select count(*) from events where type like 'sla.%' and ticket_id = any($1)", tickets))
			.isZero();
		nodeA.start();
		Thread.sleep(3_000);
		assertFiredOnce(tickets);
		nodeB.start();
	}

	/** One warning and one breach per ticket on its stream, and once on each recipient's alert stream. */
	static void assertFiredOnce(List<String> tickets) {
		for (String type : List.of("sla.warning", "sla.breached")) {
			assertThat(count("select count(*) from events where stream like 'tickets.%' and type = '" + type
					+ "' and ticket_id = any($1)", tickets)).as(type + " on ticket streams").isEqualTo(tickets.size());
			assertThat(count("select count(*) from events where stream = 'alerts." + DemoUsers.ALICE.id()
					+ "' and type = '" + type + "' and ticket_id = any($1)", tickets)).as(type + " to the assignee")
				.isEqualTo(tickets.size());
			assertThat(count("select count(*) from events where stream = 'alerts." + DemoUsers.SAM.id()
					+ "' and type = '" + type + "' and ticket_id = any($1)", tickets)).as(type + " to the supervisor")
				.isEqualTo(tickets.size());
		}
	}

	static long count(String sql, List<String> tickets) {
		return Mono.usingWhen(connections.create(),
				connection -> Mono.from(connection.createStatement(sql)
					.bind("$1", tickets.stream().map(UUID::fromString).toArray(UUID[]::new))
					.execute()).flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, Long.class)))),
				Connection::close)
			.block(Duration.ofSeconds(10));
	}

	static ServerProcess start(String node) {
		return ServerProcess.start(node, Map.of(
				"lifeline.database.url", database.plain(),
				"lifeline.database.username", database.username() == null ? "" : database.username(),
				"lifeline.database.password", database.password() == null ? "" : database.password(),
				"lifeline.security.token-secret", SECRET,
				"lifeline.sla.scan-interval", "PT1S",
				"lifeline.sla.rules-cache-ttl", "PT0S",
				"lifeline.demo.enabled", "true"));
	}

	static WebTestClient as(ServerProcess node, String username) {
		WebTestClient client = WebTestClient.bindToServer().baseUrl(node.url()).responseTimeout(Duration.ofSeconds(30)).build();
		String token = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", "demo")).exchange()
			.expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("token").asString();
		return client.mutate().defaultHeader("Authorization", "Bearer " + token).build();
	}

}
