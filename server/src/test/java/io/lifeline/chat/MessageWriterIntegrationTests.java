package io.lifeline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.lifeline.chat.ChatService.Sent;
import io.lifeline.chat.attachments.Attachments;
import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.DemoUsers;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.ErrorResponseException;

/**
 * Group commit: a writer with one lane, so that every message sent while the first is being written shares the
 * second transaction.
 */
class MessageWriterIntegrationTests extends IntegrationTest {

	private static final CurrentUser CAROL = DemoUsers.asCurrentUser(DemoUsers.CAROL);

	private static final CurrentUser ALICE = DemoUsers.asCurrentUser(DemoUsers.ALICE);

	@Autowired
	MessageBatch batch;

	@Autowired
	MessageRepository messages;

	@Autowired
	Attachments attachments;

	@Autowired
	DatabaseClient db;

	private MessageWriter oneLane() {
		return new MessageWriter(batch, messages, attachments, new ChatProperties(1, 200));
	}

	@Test
	void messagesSentTogetherAreStoredInTheirOrderWithContiguousSeqs() {
		MessageWriter writer = oneLane();
		List<UUID> tickets = List.of(ticket("carol"), ticket("carol"), ticket("carol"));
		List<Mono<Sent>> sends = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			CurrentUser author = i % 4 == 3 ? ALICE : CAROL;
			sends.add(writer.write(author, tickets.get(i % 3), message("m" + i, "body " + i)));
		}
		List<Sent> sent = Flux.mergeSequential(sends).collectList().block(Duration.ofSeconds(30));

		assertThat(sent).hasSize(60).allMatch(Sent::created);
		assertThat(writer.transactions()).as("the first message alone, then the other 59 together").isEqualTo(2);
		for (UUID ticket : tickets) {
			List<String> bodies = db.sql("select body from messages where ticket_id = :t order by seq")
				.bind("t", ticket).map(row -> row.get("body", String.class)).all().collectList().block();
			List<Integer> order = bodies.stream().map(body -> Integer.parseInt(body.substring(5))).toList();
			assertThat(order).hasSize(20).isSorted();
			List<Long> seqs = seqs(ticket);
			assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
		}
		// Alice's replies: the first met the first response and moved the SLA, each is an agent.replied.
		assertThat(types(tickets.get(0))).contains("ticket.updated", "agent.replied");
	}

	@Test
	void aBadMessageFailsAloneAndRetriesGetTheStoredMessage() {
		MessageWriter writer = oneLane();
		UUID first = ticket("carol");
		UUID second = ticket("carol");
		UUID daves = ticket("dave");
		Sent stored = writer.write(CAROL, first, message("stored", "sent before")).block(Duration.ofSeconds(10));

		List<Mono<Outcome>> sends = List.of(
				outcome(writer.write(CAROL, first, message("a", "fine"))),
				outcome(writer.write(CAROL, second, new SendMessage("file", "b", false, List.of(UUID.randomUUID())))),
				outcome(writer.write(CAROL, daves, message("c", "not my ticket"))),
				outcome(writer.write(CAROL, second, message("d", "fine too"))),
				outcome(writer.write(CAROL, first, message("stored", "a retry"))),
				outcome(writer.write(CAROL, second, message("d", "a double click"))));
		List<Outcome> outcomes = Flux.mergeSequential(sends).collectList().block(Duration.ofSeconds(30));

		// "stored"; "a" alone; the other four together, which fails on "b"'s file; then each of those four alone.
		assertThat(writer.transactions()).isEqualTo(7);
		assertThat(outcomes.get(0).sent().created()).isTrue();
		assertThat(outcomes.get(1).status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(outcomes.get(2).status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(outcomes.get(3).sent().created()).isTrue();
		assertThat(outcomes.get(4).sent().created()).isFalse();
		assertThat(outcomes.get(4).sent().message().id()).isEqualTo(stored.message().id());
		assertThat(outcomes.get(4).sent().message().body()).isEqualTo("sent before");
		assertThat(outcomes.get(5).sent().created()).isFalse();
		assertThat(outcomes.get(5).sent().message().id()).isEqualTo(outcomes.get(3).sent().message().id());

		assertThat(bodies(first)).containsExactly("sent before", "fine");
		assertThat(bodies(second)).containsExactly("fine too");
		assertThat(bodies(daves)).isEmpty();
		for (UUID ticket : List.of(first, second, daves)) {
			List<Long> seqs = seqs(ticket);
			assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
		}
	}

	private static SendMessage message(String clientMessageId, String body) {
		return new SendMessage(body, clientMessageId, false, List.of()).validated();
	}

	private static Mono<Outcome> outcome(Mono<Sent> send) {
		return send.map(sent -> new Outcome(sent, null))
			.onErrorResume(ErrorResponseException.class,
					ex -> Mono.just(new Outcome(null, HttpStatus.valueOf(ex.getStatusCode().value()))));
	}

	private UUID ticket(String customer) {
		JsonNode created = as(customer).post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Batch " + UUID.randomUUID(), "description", "d")).exchange()
			.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		return UUID.fromString(created.get("id").asString());
	}

	private List<String> bodies(UUID ticket) {
		return db.sql("select body from messages where ticket_id = :t order by seq").bind("t", ticket)
			.map(row -> row.get("body", String.class)).all().collectList().block();
	}

	private List<Long> seqs(UUID ticket) {
		return db.sql("select seq from events where stream = :s order by seq").bind("s", "tickets." + ticket)
			.map(row -> row.get("seq", Long.class)).all().collectList().block();
	}

	private List<String> types(UUID ticket) {
		return db.sql("select type from events where stream = :s order by seq").bind("s", "tickets." + ticket)
			.map(row -> row.get("type", String.class)).all().collectList().block();
	}

	private record Outcome(Sent sent, HttpStatus status) {
	}

}
