package io.lifeline.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

class EventLogIntegrationTests extends IntegrationTest {

	@Autowired
	EventLog log;

	@Autowired
	TransactionalOperator transaction;

	@Autowired
	org.springframework.r2dbc.core.DatabaseClient db;

	@Test
	void aRolledBackAppendGivesItsSequenceNumberBack() {
		String stream = "test." + UUID.randomUUID();
		StepVerifier.create(log.append(stream, event("first")).as(transaction::transactional))
			.expectNext(1L)
			.verifyComplete();
		StepVerifier.create(log.append(stream, event("doomed"))
			.then(Mono.error(new IllegalStateException("the change failed")))
			.as(transaction::transactional))
			.verifyErrorMessage("the change failed");
		StepVerifier.create(log.append(stream, event("second")).as(transaction::transactional))
			.expectNext(2L)
			.verifyComplete();
		StepVerifier.create(log.read(stream, 0, Audience.AGENTS, 10).map(Event::type))
			.expectNext("first", "second")
			.verifyComplete();
	}

	@Test
	void readingForCustomersLeavesOutStaffOnlyEvents() {
		String stream = "test." + UUID.randomUUID();
		Mono<Long> appends = log.append(stream, event("public"))
			.then(log.append(stream, new NewEvent("note", null, Audience.AGENTS, null, Instant.now(), Map.of())))
			.then(log.append(stream, event("public-again")));
		StepVerifier.create(appends.as(transaction::transactional)).expectNext(3L).verifyComplete();
		StepVerifier.create(log.read(stream, 0, Audience.ALL, 10).map(Event::seq))
			.expectNext(1L, 3L)
			.verifyComplete();
		StepVerifier.create(log.read(stream, 1, Audience.AGENTS, 10).map(Event::seq))
			.expectNext(2L, 3L)
			.verifyComplete();
	}

	@Test
	void ticketEventsReachTheAllTicketsStreamOnceAndInTheirOrder() {
		UUID ticket = UUID.randomUUID();
		for (String type : java.util.List.of("one", "two", "three")) {
			log.appendTicketEvent(new NewEvent(type, ticket, Audience.ALL, null, Instant.now(), Map.of()))
				.as(transaction::transactional)
				.block();
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> allTicketsTypes(ticket).size() == 3);
		assertThat(allTicketsTypes(ticket)).containsExactly("one", "two", "three");
		assertAllTicketsContiguous();
	}

	@Test
	void eventsQueuedButNeverRelayedAreCopiedByTheNextTick() {
		UUID ticket = UUID.randomUUID();
		// As if a node crashed between its commit and its relay run: the queued key is all there is.
		db.sql("insert into event_streams (stream, last_seq) values (:s, 1)").bind("s", Streams.ticket(ticket)).then()
			.then(db.sql("insert into events (stream, seq, type, ticket_id, audience, at, data) "
					+ "values (:s, 1, 'orphan', :t, 'ALL', now(), '{}'::jsonb)")
				.bind("s", Streams.ticket(ticket)).bind("t", ticket).then())
			.then(db.sql("insert into all_tickets_queue (stream, seq) values (:s, 1)")
				.bind("s", Streams.ticket(ticket)).then())
			.block();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> allTicketsTypes(ticket).equals(java.util.List.of("orphan")));
		assertAllTicketsContiguous();
	}

	private java.util.List<String> allTicketsTypes(UUID ticket) {
		return db.sql("select type from events where stream = 'tickets' and ticket_id = :t order by seq")
			.bind("t", ticket).map(row -> row.get("type", String.class)).all().collectList().block();
	}

	private void assertAllTicketsContiguous() {
		java.util.List<Long> seqs = db.sql("select seq from events where stream = 'tickets' order by seq")
			.map(row -> row.get("seq", Long.class)).all().collectList().block();
		assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed()
			.toList());
	}

	private static NewEvent event(String type) {
		return new NewEvent(type, null, Audience.ALL, null, Instant.now(), Map.of("k", "v"));
	}

}
