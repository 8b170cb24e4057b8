package io.lifeline.wallboard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Turns any number of changes into at most one push per {@code interval}, trailing: the first change of a quiet
 * spell waits one interval, so a burst of changes in a second gives at most {@code 1s / interval} pushes. A push reads
 * the state when it runs, and a change that lands during a push schedules another, so the last push is exact.
 */
final class PushCoalescer {

	private static final Logger log = LoggerFactory.getLogger(PushCoalescer.class);

	private final long intervalMillis;

	private final Scheduler scheduler;

	private final Supplier<Mono<Void>> push;

	private final AtomicBoolean dirty = new AtomicBoolean();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	PushCoalescer(Duration interval, Scheduler scheduler, Supplier<Mono<Void>> push) {
		this.intervalMillis = interval.toMillis();
		this.scheduler = scheduler;
		this.push = push;
	}

	void changed() {
		dirty.set(true);
		if (scheduled.compareAndSet(false, true)) {
			scheduler.schedule(this::fire, intervalMillis, TimeUnit.MILLISECONDS);
		}
	}

	private void fire() {
		dirty.set(false);
		Mono.defer(push)
			.onErrorResume(ex -> {
				log.warn("Pushing the wall board failed", ex);
				return Mono.empty();
			})
			.doFinally(signal -> {
				scheduled.set(false);
				if (dirty.get()) {
					changed();
				}
			})
			.subscribe();
	}

}
