package io.lifeline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.lifeline.identity.DemoUsers;
import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.StompTestClient.Frame;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

class ChatIntegrationTests extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DatabaseClient db;

	@Test
	void aMessageIsStoredWithItsSeqAndARetryReturnsTheFirstOne() {
		WebTestClient carol = as("carol");
		String ticket = ticket(carol);
		JsonNode first = send(carol, ticket, Map.of("body", "Printer **jammed**", "clientMessageId", "c-1"), 201);
		assertThat(first.get("body").asString()).isEqualTo("Printer **jammed**");
		assertThat(first.get("author").get("id").asString()).isEqualTo(DemoUsers.CAROL.id().toString());
		assertThat(first.get("author").get("role").asString()).isEqualTo("CUSTOMER");
		assertThat(first.get("internal").asBoolean()).isFalse();
		assertThat(first.get("seq").asLong()).isEqualTo(2);
		JsonNode again = send(carol, ticket, Map.of("body", "a different body", "clientMessageId", "c-1"), 200);
		assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(again.get("body").asString()).isEqualTo("Printer **jammed**");
		assertThat(count(ticket)).isOne();
		JsonNode timeline = carol.get().uri("/api/tickets/" + ticket + "/timeline").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(timeline.get(1).get("type").asString()).isEqualTo("message.created");
		assertThat(timeline.get(1).get("seq").asLong()).isEqualTo(2);
		assertThat(timeline.get(1).get("data").get("id").asString()).isEqualTo(first.get("id").asString());
	}

	@Test
	void racingRetriesOfOneMessageWriteOneRow() {
		String ticket = ticket(as("carol"));
		WebClient http = WebClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + login("carol"))
			.build();
		List<String> results = Flux.range(0, 20)
			.flatMap(i -> http.post().uri("/api/tickets/" + ticket + "/messages").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("body", "hello " + i, "clientMessageId", "same"))
				.exchangeToMono(r -> r.bodyToMono(JsonNode.class).map(b -> r.statusCode().value() + ":"
						+ b.get("id").asString())), 20)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(results.stream().filter(r -> r.startsWith("201:"))).hasSize(1);
		assertThat(results.stream().filter(r -> r.startsWith("200:"))).hasSize(19);
		assertThat(results.stream().map(r -> r.substring(4)).collect(Collectors.toSet())).hasSize(1);
		assertThat(count(ticket)).isOne();
		assertThat(seqs(ticket)).containsExactly(1L, 2L);
	}

	@Test
	void concurrentMessagesGetDistinctContiguousSeqs() {
		String ticket = ticket(as("carol"));
		WebClient http = WebClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + login("alice"))
			.build();
		List<Integer> statuses = Flux.range(0, 30)
			.flatMap(i -> http.post().uri("/api/tickets/" + ticket + "/messages").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("body", "reply " + i, "clientMessageId", "m-" + i))
				.exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 30)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(statuses).containsOnly(201);
		List<Long> messageSeqs = db.sql("select seq from messages where ticket_id = :t order by seq")
			.bind("t", UUID.fromString(ticket)).map(r -> r.get("seq", Long.class)).all().collectList().block();
		assertThat(messageSeqs).hasSize(30).doesNotHaveDuplicates();
		List<Long> all = seqs(ticket);
		assertThat(all).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
	}

	@Test
	void aBurstOfMessagesReachesAnAgentLiveInOrderWithNothingLost() {
		List<String> tickets = Flux.range(0, 10).map(i -> ticket(as("dave"))).collectList().block();
		WebClient http = WebClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + login("bob"))
			.build();
		try (StompTestClient agent = StompTestClient.connect(baseUrl(), login("alice"))) {
			agent.subscribeAndWait("all", "/topic/tickets", Map.of());
			int burst = 200;
			Flux.range(0, burst)
				.flatMap(i -> http.post().uri("/api/tickets/" + tickets.get(i % tickets.size()) + "/messages")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("body", "burst " + i, "clientMessageId", "b-" + i))
					.exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 64)
				.collectList()
				.block(Duration.ofSeconds(60));
			List<Long> seqs = new java.util.ArrayList<>();
			while (seqs.size() < burst) {
				JsonNode event = event(agent.next(frame -> frame.body().contains("\"type\":\"message.created\"")
						&& frame.body().contains("burst ")));
				seqs.add(event.get("seq").asLong());
			}
			for (int i = 1; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).isGreaterThan(seqs.get(i - 1));
			}
		}
	}

	@Test
	void internalNotesNeverReachACustomer() {
		WebTestClient carol = as("carol");
		WebTestClient alice = as("alice");
		String ticket = ticket(carol);
		send(carol, ticket, Map.of("body", "note?", "clientMessageId", "x", "internal", true), 403);
		try (StompTestClient customer = StompTestClient.connect(baseUrl(), login("carol"));
				StompTestClient agent = StompTestClient.connect(baseUrl(), login("bob"))) {
			customer.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			agent.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			send(alice, ticket, Map.of("body", "customer is on legacy plan", "clientMessageId", "n1", "internal", true),
					201);
			send(alice, ticket, Map.of("body", "Hello Carol", "clientMessageId", "p1"), 201);
			JsonNode agentSees = event(agent.next(messageCreated()));
			assertThat(agentSees.get("data").get("internal").asBoolean()).isTrue();
			JsonNode customerSees = event(customer.next(messageCreated()));
			assertThat(customerSees.get("data").get("body").asString()).isEqualTo("Hello Carol");
		}
		// Replay, REST history, the timeline: none of them show it to her.
		try (StompTestClient replay = StompTestClient.connect(baseUrl(), login("carol"))) {
			replay.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of("resume-after", "0"));
			replay.send("DISCONNECT", Map.of("receipt", "bye"), "");
			replay.next(frame -> "RECEIPT".equals(frame.command()) && "bye".equals(frame.header("receipt-id")));
			assertThat(replay.drain()).noneMatch(frame -> frame.body().contains("legacy plan"));
		}
		String history = carol.get().uri("/api/tickets/" + ticket + "/messages").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(history).contains("Hello Carol").doesNotContain("legacy plan");
		String timeline = carol.get().uri("/api/tickets/" + ticket + "/timeline").exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(timeline).contains("Hello Carol").doesNotContain("legacy plan").doesNotContain("agent.replied");
		String agentHistory = alice.get().uri("/api/tickets/" + ticket + "/messages").exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(agentHistory).contains("legacy plan");
	}

	@Test
	void sendingOverStompIsAcknowledgedOnceCommitted() {
		String ticket = ticket(as("carol"));
		try (StompTestClient carol = StompTestClient.connect(baseUrl(), login("carol"))) {
			carol.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			String body = "{\"body\":\"over stomp\",\"clientMessageId\":\"s-1\"}";
			carol.send("SEND", Map.of("destination", "/app/tickets." + ticket + "/messages", "receipt", "r1",
					"content-type", "application/json"), body);
			carol.next(frame -> "RECEIPT".equals(frame.command()) && "r1".equals(frame.header("receipt-id")));
			assertThat(count(ticket)).isOne();
			assertThat(event(carol.next(messageCreated())).get("data").get("body").asString()).isEqualTo("over stomp");
			carol.send("SEND", Map.of("destination", "/app/tickets." + ticket + "/messages", "receipt", "r2"), body);
			carol.next(frame -> "RECEIPT".equals(frame.command()) && "r2".equals(frame.header("receipt-id")));
			assertThat(count(ticket)).isOne();
			carol.send("SEND", Map.of("destination", "/app/tickets." + ticket + "/messages"), "{\"body\":\"\"}");
			Frame error = carol.next(frame -> "ERROR".equals(frame.command()));
			assertThat(error.header("message")).contains("clientMessageId");
		}
	}

	@Test
	void badMessagesAreClearErrors() {
		WebTestClient carol = as("carol");
		String ticket = ticket(carol);
		send(carol, ticket, Map.of("body", " ", "clientMessageId", "a"), 400);
		send(carol, ticket, Map.of("body", "x".repeat(10_001), "clientMessageId", "a"), 400);
		send(carol, ticket, Map.of("body", "hi", "clientMessageId", "has spaces"), 400);
		send(carol, ticket, Map.of("body", "hi", "clientMessageId", "a", "color", "red"), 400);
		send(carol, ticket, Map.of("body", "hi", "clientMessageId", "a", "attachmentIds", List.of(UUID.randomUUID())),
				400);
		assertThat(count(ticket)).isZero();
		send(as("dave"), ticket, Map.of("body", "not mine", "clientMessageId", "d"), 404);
		as("dave").get().uri("/api/tickets/" + ticket + "/messages").exchange().expectStatus().isNotFound();
		carol.get().uri("/api/tickets/" + ticket + "/messages?limit=0").exchange().expectStatus().isBadRequest();
	}

	@Test
	void historyPagesNewestFirst() {
		WebTestClient carol = as("carol");
		String ticket = ticket(carol);
		for (int i = 0; i < 5; i++) {
			send(carol, ticket, Map.of("body", "m" + i, "clientMessageId", "h" + i), 201);
		}
		JsonNode newest = carol.get().uri("/api/tickets/" + ticket + "/messages?limit=2").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(newest.get(0).get("body").asString()).isEqualTo("m4");
		assertThat(newest.get(1).get("body").asString()).isEqualTo("m3");
		long before = newest.get(1).get("seq").asLong();
		JsonNode older = carol.get().uri("/api/tickets/" + ticket + "/messages?limit=10&beforeSeq=" + before)
			.exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(older.size()).isEqualTo(3);
		assertThat(older.get(0).get("body").asString()).isEqualTo("m2");
	}

	@Test
	void theFirstPublicAgentReplyMeetsTheFirstResponseTarget() {
		WebTestClient alice = as("alice");
		String ticket = ticket(as("carol"));
		send(alice, ticket, Map.of("body", "internal first", "clientMessageId", "i", "internal", true), 201);
		alice.get().uri("/api/tickets/" + ticket).exchange().expectBody()
			.jsonPath("$.sla.firstResponseDueAt").isNotEmpty();
		send(alice, ticket, Map.of("body", "On it!", "clientMessageId", "r1"), 201);
		send(alice, ticket, Map.of("body", "Fixed?", "clientMessageId", "r2"), 201);
		alice.get().uri("/api/tickets/" + ticket).exchange().expectBody()
			.jsonPath("$.sla.firstResponseDueAt").isEmpty();
		JsonNode timeline = alice.get().uri("/api/tickets/" + ticket + "/timeline").exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		List<String> types = timeline.valueStream().map(e -> e.get("type").asString()).toList();
		assertThat(types).containsExactly("ticket.created", "message.created", "message.created", "ticket.updated",
				"agent.replied", "message.created", "agent.replied");
	}

	@Test
	void typingIsEphemeralAndThrottled() {
		String ticket = ticket(as("carol"));
		try (StompTestClient agent = StompTestClient.connect(baseUrl(), login("alice"));
				StompTestClient customer = StompTestClient.connect(baseUrl(), login("carol"))) {
			agent.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			String typing = "/app/tickets." + ticket + "/typing";
			customer.send("SEND", Map.of("destination", typing, "receipt", "t1"), "{\"typing\":true}");
			customer.send("SEND", Map.of("destination", typing, "receipt", "t2"), "{\"typing\":true}");
			customer.send("SEND", Map.of("destination", typing, "receipt", "t3"), "{\"typing\":false}");
			customer.next(frame -> "t3".equals(frame.header("receipt-id")));
			JsonNode started = event(agent.next(type("typing")));
			JsonNode stopped = event(agent.next(type("typing")));
			assertThat(started.get("seq").isNull()).isTrue();
			assertThat(started.get("data").get("typing").asBoolean()).isTrue();
			assertThat(started.get("data").get("user").get("displayName").asString()).startsWith("Carol");
			assertThat(started.get("data").get("expiresInMs").asLong()).isPositive();
			assertThat(stopped.get("data").get("typing").asBoolean()).isFalse();
		}
	}

	@Test
	void readMarksAndUnreadCounts() {
		WebTestClient carol = as("carol");
		WebTestClient alice = as("alice");
		String ticket = ticket(carol);
		send(carol, ticket, Map.of("body", "one", "clientMessageId", "u1"), 201);
		JsonNode two = send(carol, ticket, Map.of("body", "two", "clientMessageId", "u2"), 201);
		alice.get().uri("/api/tickets/" + ticket).exchange().expectBody().jsonPath("$.unread").isEqualTo(2);
		carol.get().uri("/api/tickets/" + ticket).exchange().expectBody().jsonPath("$.unread").doesNotExist();
		try (StompTestClient agent = StompTestClient.connect(baseUrl(), login("alice"));
				StompTestClient customer = StompTestClient.connect(baseUrl(), login("carol"))) {
			customer.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			agent.send("SEND", Map.of("destination", "/app/tickets." + ticket + "/read", "receipt", "r"),
					"{\"seq\":" + two.get("seq").asLong() + "}");
			agent.next(frame -> "RECEIPT".equals(frame.command()));
			JsonNode read = event(customer.next(type("read")));
			assertThat(read.get("data").get("seq").asLong()).isEqualTo(two.get("seq").asLong());
			assertThat(read.get("data").get("user").get("id").asString()).isEqualTo(DemoUsers.ALICE.id().toString());
			agent.send("SEND", Map.of("destination", "/app/tickets." + ticket + "/read"), "{\"seq\":999}");
			assertThat(agent.next(frame -> "ERROR".equals(frame.command())).header("message")).contains("seq");
		}
		alice.get().uri("/api/tickets/" + ticket).exchange().expectBody().jsonPath("$.unread").isEqualTo(0);
		alice.get().uri("/api/tickets/" + ticket + "/reads").exchange().expectBody()
			.jsonPath("$[0].user.username").doesNotExist()
			.jsonPath("$[0].seq").isEqualTo(two.get("seq").asLong());
	}

	@Test
	void presenceShowsWhichAgentsAreOnATicket() {
		String ticket = ticket(as("carol"));
		WebTestClient sam = as("sam");
		try (StompTestClient bob = StompTestClient.connect(baseUrl(), login("bob"))) {
			bob.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			JsonNode onlyBob = event(bob.next(type("presence")));
			assertThat(names(onlyBob)).containsExactly("Bob Martin");
			try (StompTestClient alice = StompTestClient.connect(baseUrl(), login("alice"))) {
				alice.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
				assertThat(names(event(bob.next(type("presence"))))).containsExactlyInAnyOrder("Bob Martin",
						"Alice Chen");
				sam.get().uri("/api/tickets/" + ticket + "/presence").exchange().expectStatus().isOk()
					.expectBody().jsonPath("$.viewers.length()").isEqualTo(2);
			}
			assertThat(names(event(bob.next(type("presence"))))).containsExactly("Bob Martin");
		}
		as("carol").get().uri("/api/tickets/" + ticket + "/presence").exchange().expectStatus().isForbidden();
	}

	private Set<String> names(JsonNode presence) {
		return presence.get("data").get("viewers").valueStream().map(v -> v.get("displayName").asString())
			.collect(Collectors.toSet());
	}

	private String ticket(WebTestClient customer) {
		return customer.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Chat " + UUID.randomUUID(), "description", "d")).exchange()
			.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	private JsonNode send(WebTestClient client, String ticket, Map<String, ?> body, int status) {
		return client.post().uri("/api/tickets/" + ticket + "/messages").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private long count(String ticket) {
		return db.sql("select count(*) as n from messages where ticket_id = :t").bind("t", UUID.fromString(ticket))
			.map(r -> r.get("n", Long.class)).one().block();
	}

	private List<Long> seqs(String ticket) {
		return db.sql("select seq from events where stream = :s order by seq").bind("s", "tickets." + ticket)
			.map(r -> r.get("seq", Long.class)).all().collectList().block();
	}

	private java.util.function.Predicate<Frame> messageCreated() {
		return type("message.created");
	}

	private java.util.function.Predicate<Frame> type(String type) {
		return frame -> "MESSAGE".equals(frame.command()) && frame.body().contains("\"type\":\"" + type + "\"");
	}

	private JsonNode event(Frame frame) {
		return json.readTree(frame.body());
	}

}
