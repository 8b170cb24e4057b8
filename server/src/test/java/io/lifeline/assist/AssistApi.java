package io.lifeline.assist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.lifeline.identity.DemoUsers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Assist over REST as the demo users, for the integration tests (one server, or a node of a cluster). */
final class AssistApi {

	private final Function<String, WebTestClient> as;

	/** One login per user: a login hashes a password, slow on purpose. */
	private final Map<String, WebTestClient> clients = new ConcurrentHashMap<>();

	/** @param as a client that sends the named demo user's token */
	AssistApi(Function<String, WebTestClient> as) {
		this.as = as;
	}

	WebTestClient as(String username) {
		return clients.computeIfAbsent(username, as);
	}

	/** A new ticket, opened by alice for the customer. */
	String ticket(String customer) {
		String customerId = ("dave".equals(customer) ? DemoUsers.DAVE : DemoUsers.CAROL).id().toString();
		return as("alice").post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Cannot export the schedule", "description", "d", "customerId", customerId))
			.exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	/** alice asks on the ticket; the new session. */
	JsonNode request(String ticketId, String... scopes) {
		return post("alice", "/api/tickets/" + ticketId + "/assist-sessions",
				Map.of("scopes", List.of(scopes), "reason", "To see the export error"), 201);
	}

	/** A session alice asked for on a new ticket of carol's, which carol consented to with these scopes. */
	JsonNode consented(String... scopes) {
		JsonNode session = request(ticket("carol"), "view", "pointer", "control");
		return post("carol", "/api/assist-sessions/" + session.get("id").asString() + "/consent",
				Map.of("scopes", List.of(scopes)), 200);
	}

	JsonNode join(String username, String sessionId) {
		return post(username, "/api/assist-sessions/" + sessionId + "/join", null, 200);
	}

	/** POSTs and checks the status; the body (for a problem, the problem). */
	JsonNode post(String username, String path, Object body, int status) {
		WebTestClient.RequestBodySpec request = as(username).post().uri(path).contentType(MediaType.APPLICATION_JSON);
		WebTestClient.RequestHeadersSpec<?> sent = body == null ? request : request.bodyValue(body);
		return sent.exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult()
			.getResponseBody();
	}

	JsonNode get(String username, String path, int status) {
		return as(username).get().uri(path).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class)
			.returnResult().getResponseBody();
	}

	JsonNode session(String sessionId) {
		return get("alice", "/api/assist-sessions/" + sessionId, 200);
	}

	/** The ticket's timeline as staff sees it: the event types, oldest first. */
	List<String> timeline(String ticketId) {
		List<String> types = new ArrayList<>();
		get("alice", "/api/tickets/" + ticketId + "/timeline", 200).forEach(event -> types.add(event.get("type").asString()));
		return types;
	}

	/** Waits (up to 10 s) for the timeline to satisfy the check; the last timeline read. */
	List<String> awaitTimeline(String ticketId, Predicate<List<String>> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<String> types = timeline(ticketId);
		while (!done.test(types) && System.nanoTime() < deadline) {
			sleep(100);
			types = timeline(ticketId);
		}
		return types;
	}

	/** Waits (up to 10 s) for the session to reach the state; the session as last read. */
	JsonNode awaitState(String sessionId, String state) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		JsonNode session = session(sessionId);
		while (!state.equals(session.get("state").asString()) && System.nanoTime() < deadline) {
			sleep(100);
			session = session(sessionId);
		}
		return session;
	}

	/** Reads the ticket's version and applies the change over it, as alice. */
	void patchTicket(String ticketId, Map<String, ?> body) {
		JsonNode current = get("alice", "/api/tickets/" + ticketId, 200);
		as("alice").patch().uri("/api/tickets/" + ticketId).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
	}

	static long count(List<String> types, String type) {
		return types.stream().filter(type::equals).count();
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
