package io.lifeline.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.StompTestClient.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

/** STOMP 1.2 at {@code /ws}: every frame type, every error and limit, against the running server. */
class StompProtocolIntegrationTests extends IntegrationTest {

	@Test
	void connectNegotiatesVersionAndHeartbeats() {
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("accept-version", "1.0,1.1,1.2", "host", "lifeline", "heart-beat",
					"20000,30000", "Authorization", "Bearer " + login("alice")), "");
			Frame connected = client.next();
			assertThat(connected.command()).isEqualTo("CONNECTED");
			assertThat(connected.header("version")).isEqualTo("1.2");
			assertThat(connected.header("heart-beat")).isEqualTo("10000,10000");
			assertThat(connected.header("user-name")).isEqualTo("alice");
			assertThat(connected.header("session")).isNotBlank();
			assertThat(connected.header("server")).startsWith("Lifeline/");
		}
	}

	@Test
	void theStompCommandAndOlderVersionsConnectToo() {
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("STOMP", Map.of("accept-version", "1.1", "host", "lifeline", "passcode", login("bob")), "");
			assertThat(client.next().header("version")).isEqualTo("1.1");
		}
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("passcode", login("bob")), "");
			Frame connected = client.next();
			assertThat(connected.command()).isEqualTo("CONNECTED");
			assertThat(connected.header("version")).isEqualTo("1.0");
		}
	}

	@Test
	void aFrameBeforeConnectIsAnError() {
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.subscribe("s1", "/topic/tickets", Map.of());
			Frame error = client.next();
			assertThat(error.command()).isEqualTo("ERROR");
			assertThat(error.header("message")).contains("CONNECT first");
			client.awaitClose();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer not-a-token", "Bearer ", "Basic YWxpY2U6ZGVtbw==" })
	void aBadTokenIsRefused(String authorization) {
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("accept-version", "1.2", "Authorization", authorization), "");
			Frame error = client.next();
			assertThat(error.command()).isEqualTo("ERROR");
			assertThat(error.header("message")).containsAnyOf("token", "Token");
			client.awaitClose();
		}
	}

	@Test
	void aForgedTokenIsRefused() {
		String[] parts = login("carol").split("\\.");
		String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("accept-version", "1.2", "Authorization", "Bearer " + forged), "");
			assertThat(client.next().command()).isEqualTo("ERROR");
			client.awaitClose();
		}
	}

	@Test
	void unsupportedVersionsAndBadHeartbeatsAreErrors() {
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("accept-version", "2.0", "passcode", login("alice")), "");
			Frame error = client.next();
			assertThat(error.command()).isEqualTo("ERROR");
			assertThat(error.header("version")).isEqualTo("1.2,1.1,1.0");
		}
		try (StompTestClient client = StompTestClient.open(baseUrl())) {
			client.send("CONNECT", Map.of("accept-version", "1.2", "heart-beat", "soon", "passcode", login("alice")),
					"");
			assertThat(client.next().header("message")).contains("heart-beat");
			client.awaitClose();
		}
	}

	@Test
	void malformedFramesAndUnknownCommandsAreErrors() {
		assertRefused(client -> client.sendRaw("HELLO\n\n\0"), "Unknown command");
		assertRefused(client -> client.sendRaw("SEND\ndestination:/app/x\ncontent-length:5\n\nabcdefgh\0"),
				"Malformed");
	}

	@Test
	void anOversizedFrameIsAnError() {
		String body = "x".repeat(StompProperties.DEFAULT_MAX_FRAME_SIZE + 1);
		assertRefused(client -> client.send("SEND", Map.of("destination", "/app/tickets.x/messages"), body),
				"too large");
	}

	@Test
	void tooManyHeadersOrTooLongOnesAreErrors() {
		Map<String, String> many = new LinkedHashMap<>();
		for (int i = 0; i <= StompProperties.DEFAULT_MAX_HEADERS; i++) {
			many.put("h" + i, "v");
		}
		assertRefused(client -> client.send("SUBSCRIBE", many, ""), "Too many headers");
		assertRefused(client -> client.subscribe("s", "/topic/tickets",
				Map.of("x-long", "y".repeat(StompProperties.DEFAULT_MAX_HEADER_LENGTH))), "longer than");
	}

	@Test
	void duplicateSubscriptionIdsAreErrors() {
		assertRefused(client -> {
			client.subscribeAndWait("same", "/topic/tickets", Map.of());
			client.subscribe("same", "/topic/wallboard", Map.of());
		}, "Duplicate subscription id");
	}

	@Test
	void subscriptionsPerSessionAreLimited() {
		assertRefused(client -> {
			for (int i = 0; i <= StompProperties.DEFAULT_MAX_SUBSCRIPTIONS; i++) {
				client.subscribe("s" + i, "/user/queue/alerts", Map.of());
			}
		}, "Too many subscriptions");
	}

	@Test
	void framesPerSecondAreLimited() {
		assertRefused(client -> {
			for (int i = 0; i < MAX_FRAMES_PER_SECOND * 3; i++) {
				client.send("UNSUBSCRIBE", Map.of("id", "nothing-" + i), "");
			}
		}, "Too many frames");
	}

	@Test
	void unknownDestinationsAreRefused() {
		for (String destination : List.of("/topic/tickets/../wallboard", "/topic//tickets", "/topic/TICKETS",
				"/queue/anything", "/topic/tickets.not-an-id")) {
			assertRefused(client -> client.subscribe("s", destination, Map.of()), "Unknown destination");
		}
		assertRefused(client -> client.send("SEND", Map.of("destination", "/app/nowhere"), "{}"), "Cannot send");
		assertRefused(client -> client.send("ACK", Map.of("id", "1"), ""), "ack:auto");
		assertRefused(client -> client.send("BEGIN", Map.of("transaction", "t"), ""), "Transactions");
	}

	@Test
	void aCustomerGetsNoAgentTopicsAndNobodyElsesTicket() {
		String davesTicket = ticketFor("dave");
		String carol = login("carol");
		for (String destination : List.of("/topic/tickets", "/topic/wallboard", "/topic/tickets." + davesTicket)) {
			try (StompTestClient client = StompTestClient.connect(baseUrl(), carol)) {
				client.subscribe("s", destination, Map.of("receipt", "r"));
				Frame error = client.next();
				assertThat(error.command()).isEqualTo("ERROR");
				assertThat(error.header("message")).contains("Not allowed");
				assertThat(error.header("receipt-id")).isEqualTo("r");
				client.awaitClose();
				assertThat(client.drain()).noneMatch(frame -> "MESSAGE".equals(frame.command()));
			}
		}
		try (StompTestClient client = StompTestClient.connect(baseUrl(), carol)) {
			client.subscribeAndWait("own", "/topic/tickets." + ticketFor("carol"), Map.of());
			client.subscribeAndWait("alerts", "/user/queue/alerts", Map.of());
		}
	}

	@Test
	void unsubscribeAndDisconnectAreAcknowledged() {
		try (StompTestClient client = StompTestClient.connect(baseUrl(), login("sam"))) {
			client.subscribeAndWait("board", "/topic/wallboard", Map.of());
			client.send("UNSUBSCRIBE", Map.of("id", "board", "receipt", "u1"), "");
			assertThat(client.next().header("receipt-id")).isEqualTo("u1");
			client.send("DISCONNECT", Map.of("receipt", "bye"), "");
			assertThat(client.next().header("receipt-id")).isEqualTo("bye");
			client.awaitClose();
		}
	}

	@Test
	void aBrowserFromAnotherSiteCannotOpenTheSocket() {
		HttpHeaders evil = new HttpHeaders();
		evil.setOrigin("https://evil.example");
		assertThatThrownBy(() -> StompTestClient.open(baseUrl(), evil)).hasMessageContaining("403");
		HttpHeaders own = new HttpHeaders();
		own.setOrigin(baseUrl());
		try (StompTestClient client = StompTestClient.open(baseUrl(), own)) {
			client.send("CONNECT", Map.of("accept-version", "1.2", "passcode", login("alice")), "");
			assertThat(client.next().command()).isEqualTo("CONNECTED");
		}
	}

	@Test
	void oneMisbehavingClientDoesNotDisturbAnother() {
		String ticket = ticketFor("carol");
		try (StompTestClient good = StompTestClient.connect(baseUrl(), login("alice"))) {
			good.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			assertRefused(bad -> bad.sendRaw("GARBAGE\n\n\0"), "Unknown command");
			TicketsApi.patch(as("alice"), ticket, Map.of("priority", "P1"));
			Frame message = good.next(frame -> frame.body().contains("\"type\":\"ticket.updated\""));
			assertThat(message.header("subscription")).isEqualTo("t");
		}
	}

	private String ticketFor(String customer) {
		return TicketsApi.create(as(customer), Map.of("subject", "Realtime " + customer, "description", "d"));
	}

	/** Connects as alice, lets the client misbehave, and expects ERROR (with that text) and a closed socket. */
	private void assertRefused(java.util.function.Consumer<StompTestClient> misbehave, String message) {
		try (StompTestClient client = StompTestClient.connect(baseUrl(), login("alice"))) {
			misbehave.accept(client);
			Frame error = client.next(frame -> "ERROR".equals(frame.command()));
			assertThat(error.header("message")).containsIgnoringCase(message);
			client.awaitClose();
		}
	}

}
