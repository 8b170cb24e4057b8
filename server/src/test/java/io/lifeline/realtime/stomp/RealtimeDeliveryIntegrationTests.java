package io.lifeline.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import io.lifeline.support.StompTestClient.Frame;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Committed changes reach every subscriber at once, in order, with no gap, across reconnects and lost publishes. */
class RealtimeDeliveryIntegrationTests extends IntegrationTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	EventLog eventLog;

	@Autowired
	TransactionalOperator transaction;

	@Autowired
	DatabaseClient db;

	@Test
	void aPatchOverRestReachesAnAgentSubscribedToAllTickets() {
		try (StompTestClient agent = StompTestClient.connect(baseUrl(), login("alice"))) {
			agent.subscribeAndWait("all", "/topic/tickets", Map.of());
			String id = TicketsApi.create(as("carol"), Map.of("subject", "Live", "description", "d"));
			TicketsApi.patch(as("bob"), id, Map.of("status", "OPEN", "assigneeId", DemoUsers.BOB.id().toString()));

			JsonNode created = event(agent.next(message(id)));
			Frame updatedFrame = agent.next(message(id));
			JsonNode updated = event(updatedFrame);
			assertThat(created.get("type").asString()).isEqualTo("ticket.created");
			assertThat(updated.get("type").asString()).isEqualTo("ticket.updated");
			assertThat(updated.get("seq").asLong()).isEqualTo(created.get("seq").asLong() + 1);
			assertThat(updated.get("stream").asString()).isEqualTo("tickets");
			assertThat(updated.get("data").get("changed").toString()).contains("status", "assignee");
			assertThat(updated.get("data").get("ticket").get("status").asString()).isEqualTo("OPEN");
			assertThat(updatedFrame.header("destination")).isEqualTo("/topic/tickets");
			assertThat(updatedFrame.header("subscription")).isEqualTo("all");
			assertThat(updatedFrame.header("content-type")).isEqualTo("application/json");
			assertThat(updatedFrame.header("message-id")).isNotBlank();
		}
	}

	@Test
	void aCustomerSeesTheirTicketLiveButNotStaffOnlyEvents() {
		String id = TicketsApi.create(as("carol"), Map.of("subject", "Mine", "description", "d"));
		try (StompTestClient customer = StompTestClient.connect(baseUrl(), login("carol"));
				StompTestClient agent = StompTestClient.connect(baseUrl(), login("alice"))) {
			customer.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			agent.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			appendStaffNote(UUID.fromString(id));
			TicketsApi.patch(as("alice"), id, Map.of("status", "OPEN"));

			assertThat(event(agent.next(message(id))).get("type").asString()).isEqualTo("note.test");
			assertThat(event(agent.next(message(id))).get("seq").asLong()).isEqualTo(3);
			JsonNode seen = event(customer.next(message(id)));
			assertThat(seen.get("type").asString()).isEqualTo("ticket.updated");
			assertThat(seen.get("seq").asLong()).isEqualTo(3);
		}
	}

	@Test
	void aCustomersSubscriptionEndsWhenTheTicketIsNoLongerTheirs() {
		String id = TicketsApi.create(as("carol"), Map.of("subject", "Moves away", "description", "d"));
		UUID ticketId = UUID.fromString(id);
		try (StompTestClient customer = StompTestClient.connect(baseUrl(), login("carol"))) {
			customer.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			eventLog.append(Streams.ticket(ticketId), new NewEvent("ticket.updated", ticketId, Audience.ALL, null,
					Instant.now(), Map.of("ticket", Map.of("id", id, "customer", Map.of("id", DemoUsers.DAVE.id())))))
				.as(transaction::transactional)
				.block();
			JsonNode ended = event(customer.next(frame -> frame.body().contains("subscription.ended")));
			assertThat(ended.get("type").asString()).isEqualTo("subscription.ended");
			TicketsApi.patch(as("alice"), id, Map.of("priority", "P2"));
			customer.send("DISCONNECT", Map.of("receipt", "bye"), "");
			customer.next(frame -> "RECEIPT".equals(frame.command()));
			assertThat(customer.drain()).noneMatch(message(id));
		}
	}

	@Test
	void resumingReplaysWhatWasMissedThenGoesLive() {
		String id = TicketsApi.create(as("dave"), Map.of("subject", "Resume", "description", "d"));
		String token = login("alice");
		long last;
		try (StompTestClient first = StompTestClient.connect(baseUrl(), token)) {
			first.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("one")));
			last = event(first.next(message(id))).get("seq").asLong();
		}
		TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("two")));
		TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("three")));
		TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("four")));
		try (StompTestClient second = StompTestClient.connect(baseUrl(), token)) {
			second.subscribeAndWait("t", "/topic/tickets." + id, Map.of("resume-after", Long.toString(last)));
			TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("five")));
			List<Long> seqs = new ArrayList<>();
			List<String> tags = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				JsonNode event = event(second.next(message(id)));
				seqs.add(event.get("seq").asLong());
				tags.add(event.get("data").get("ticket").get("tags").get(0).asString());
			}
			assertThat(seqs).containsExactly(last + 1, last + 2, last + 3, last + 4);
			assertThat(tags).containsExactly("two", "three", "four", "five");
			assertThat(second.drain()).noneMatch(message(id));
		}
	}

	@Test
	void resumingFromTooFarBackAsksTheClientToResync() {
		String id = TicketsApi.create(as("dave"), Map.of("subject", "Resync", "description", "d"));
		var alice = as("alice");
		for (int i = 0; i < 22; i++) {
			TicketsApi.patch(alice, id, Map.of("tags", List.of("t" + i)));
		}
		try (StompTestClient client = StompTestClient.connect(baseUrl(), login("alice"))) {
			client.subscribeAndWait("t", "/topic/tickets." + id, Map.of("resume-after", "0"));
			JsonNode resync = event(client.next(frame -> frame.body().contains("resync.required")));
			assertThat(resync.get("type").asString()).isEqualTo("resync.required");
			assertThat(resync.get("seq").asLong()).isEqualTo(23);
			TicketsApi.patch(as("alice"), id, Map.of("tags", List.of("after")));
			assertThat(event(client.next(message(id))).get("seq").asLong()).isEqualTo(24);
		}
	}

	@Test
	void anEventTheBusNeverCarriedIsFilledInFromTheLog() {
		String id = TicketsApi.create(as("carol"), Map.of("subject", "Lost publish", "description", "d"));
		try (StompTestClient client = StompTestClient.connect(baseUrl(), login("alice"))) {
			client.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			// As if the node that committed this crashed before publishing it.
			insertWithoutPublishing(Streams.ticket(UUID.fromString(id)), 2, "lost.test");
			TicketsApi.patch(as("alice"), id, Map.of("priority", "P2"));
			JsonNode filled = event(client.next(message(id)));
			JsonNode live = event(client.next(message(id)));
			assertThat(filled.get("seq").asLong()).isEqualTo(2);
			assertThat(filled.get("type").asString()).isEqualTo("lost.test");
			assertThat(live.get("seq").asLong()).isEqualTo(3);

			// And one that nothing follows is found by polling the log.
			insertWithoutPublishing(Streams.ticket(UUID.fromString(id)), 4, "lost.again");
			assertThat(event(client.next(message(id))).get("seq").asLong()).isEqualTo(4);
		}
	}

	@Test
	void aSlowConsumerIsDroppedAndOthersKeepTheirPace() throws IOException {
		String id = TicketsApi.create(as("carol"), Map.of("subject", "Slow", "description", "x".repeat(19_000)));
		try (StompTestClient fast = StompTestClient.connect(baseUrl(), login("alice"));
				Socket slow = stalledSubscriber(login("bob"), "/topic/tickets." + id)) {
			fast.subscribeAndWait("t", "/topic/tickets." + id, Map.of());
			int updates = 400;
			var alice = as("alice");
			for (int i = 0; i < updates; i++) {
				TicketsApi.patch(alice, id, Map.of("tags", List.of("n" + i)));
			}
			long previous = 1;
			for (int i = 0; i < updates; i++) {
				long seq = event(fast.next(message(id))).get("seq").asLong();
				assertThat(seq).isEqualTo(previous + 1);
				previous = seq;
			}
			// The ERROR frame or the close frame's reason, whichever reaches it first.
			assertThat(readUntilClosed(slow)).as("the stalled subscriber was told why it was dropped")
				.containsIgnoringCase("slow consumer");
		}
	}

	private Socket stalledSubscriber(String token, String destination) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
		String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
		OutputStream out = socket.getOutputStream();
		out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Protocol: v12.stomp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		// Frames only once the upgrade is done: bytes sent earlier would be read as HTTP.
		assertThat(readUntil(socket.getInputStream(), "\r\n\r\n")).contains("101");
		writeFrame(out, "CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0");
		writeFrame(out, "SUBSCRIBE\nid:s\ndestination:" + destination + "\nreceipt:r\n\n\0");
		// Read up to the receipt, then stop reading altogether.
		String seen = readUntil(socket.getInputStream(), "receipt-id:r");
		assertThat(seen).contains("CONNECTED");
		return socket;
	}

	private static void writeFrame(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] mask = { 1, 2, 3, 4 };
		java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xff);
		}
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		out.write(frame.toByteArray());
		out.flush();
	}

	private static String readUntil(InputStream in, String marker) throws IOException {
		StringBuilder seen = new StringBuilder();
		byte[] buffer = new byte[1024];
		while (!seen.toString().contains(marker)) {
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
		}
		return seen.toString();
	}

	private static String readUntilClosed(Socket socket) throws IOException {
		socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
		StringBuilder tail = new StringBuilder();
		byte[] buffer = new byte[64 * 1024];
		InputStream in = socket.getInputStream();
		try {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				tail.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
				if (tail.length() > 4096) {
					tail.delete(0, tail.length() - 4096);
				}
			}
		}
		catch (java.net.SocketException ex) {
			// reset by the server: closed all the same
		}
		return tail.toString();
	}

	private void appendStaffNote(UUID ticketId) {
		eventLog.append(Streams.ticket(ticketId),
				new NewEvent("note.test", ticketId, Audience.AGENTS, null, Instant.now(), Map.of("body", "internal")))
			.as(transaction::transactional)
			.block();
	}

	private void insertWithoutPublishing(String stream, long seq, String type) {
		db.sql("update event_streams set last_seq = :seq where stream = :stream")
			.bind("seq", seq)
			.bind("stream", stream)
			.then()
			.then(db.sql("insert into events (stream, seq, type, audience, at, data) "
					+ "values (:stream, :seq, :type, 'ALL', now(), '{}'::jsonb)")
				.bind("stream", stream)
				.bind("seq", seq)
				.bind("type", type)
				.then())
			.as(transaction::transactional)
			.block();
	}

	/** A durable event about that ticket (not presence or typing, which come and go). */
	private java.util.function.Predicate<Frame> message(String ticketId) {
		return frame -> "MESSAGE".equals(frame.command()) && frame.body().contains(ticketId)
				&& !frame.body().startsWith("{\"seq\":null");
	}

	private JsonNode event(Frame frame) {
		return json.readTree(frame.body());
	}

}
