package io.lifeline.support;

import java.util.Map;

import io.lifeline.system.PostgresUrl;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole server on a random port against its own fresh PostgreSQL database, with the demo data loaded.
 * Subclasses share one application context (and so one database); write tests that do not depend on counting
 * what other tests created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	/** Above the subscription limit, so a test can reach that limit in one burst of frames. */
	protected static final int MAX_FRAMES_PER_SECOND = 200;

	@LocalServerPort
	protected int port;

	protected WebTestClient client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresUrl database = TestDatabase.fresh();
		registry.add("lifeline.database.url", database::plain);
		registry.add("lifeline.database.username", () -> database.username() == null ? "" : database.username());
		registry.add("lifeline.database.password", () -> database.password() == null ? "" : database.password());
		registry.add("lifeline.demo.enabled", () -> "true");
		// Tests of other features count events and assignees; routing's own tests turn auto-assignment back on.
		registry.add("lifeline.routing.auto-assign", () -> "${lifeline.test.auto-assign:false}");
		// Small enough for tests to reach: resync after this many missed events, slow consumer after this many.
		registry.add("lifeline.realtime.replay-limit", () -> "20");
		registry.add("lifeline.stomp.outbound-queue", () -> "64");
		registry.add("lifeline.stomp.max-frames-per-second", () -> String.valueOf(MAX_FRAMES_PER_SECOND));
	}

	@BeforeEach
	void client() {
		client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** Logs a demo user in (password {@code demo}) and returns their token. */
	protected String login(String username) {
		return client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", "demo"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("token")
			.toString();
	}

	/** A client that sends the given user's token on every request. */
	protected WebTestClient as(String username) {
		return client.mutate().defaultHeader("Authorization", "Bearer " + login(username)).build();
	}

}
