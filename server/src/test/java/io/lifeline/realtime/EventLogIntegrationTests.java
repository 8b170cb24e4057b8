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

	private static NewEvent event(String type) {
		return new NewEvent(type, null, Audience.ALL, null, Instant.now(), Map.of("k", "v"));
	}

}
