package io.lifeline.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.lifeline.tickets.Priority;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Moves the running clocks of open tickets onto edited rules, a batch of tickets per transaction (each ticket's
 * change and its {@code ticket.updated} event together), in the background after the edit commits. A node that
 * stops half-way leaves the rest on the old targets until their next change; the edit itself is never lost.
 */
@Component
class Retargeting {

	private static final Logger log = LoggerFactory.getLogger(Retargeting.class);

	private final SlaTickets tickets;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final int batch;

	Retargeting(SlaTickets tickets, TransactionalOperator transaction, Clock clock, SlaProperties properties) {
		this.tickets = tickets;
		this.transaction = transaction;
		this.clock = clock;
		this.batch = properties.retargetBatch();
	}

	void priority(Priority priority) {
		run(Flux.just(priority));
	}

	void everyPriority() {
		run(Flux.fromArray(Priority.values()));
	}

	/** Every open ticket of the priorities, from now on; emits how many were visited. */
	Mono<Long> retarget(Flux<Priority> priorities) {
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return priorities.concatMap(priority -> nextBatch(priority, null, at)
			.expand(last -> last.count() < batch ? Mono.empty() : nextBatch(priority, last.lastId(), at))
			.map(Batch::count)
			.reduce(0L, Long::sum)).reduce(0L, Long::sum);
	}

	private void run(Flux<Priority> priorities) {
		retarget(priorities).subscribeOn(Schedulers.parallel())
			.subscribe(count -> log.info("Re-targeted the SLA clocks of {} open tickets", count),
					ex -> log.warn("Re-targeting SLA clocks stopped", ex));
	}

	private Mono<Batch> nextBatch(Priority priority, UUID afterId, Instant at) {
		return tickets.open(priority, afterId, batch)
			.collectList()
			.flatMap(ids -> Flux.fromIterable(ids)
				.concatMap(id -> tickets.retarget(id, at))
				.then(Mono.just(new Batch(ids.size(), ids.isEmpty() ? afterId : ids.getLast())))
				.as(transaction::transactional));
	}

	private record Batch(long count, UUID lastId) {
	}

}
