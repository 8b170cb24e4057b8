package io.lifeline.sla;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Near-term deadlines armed in memory: a {@link TimingWheel} turned by {@code Flux.interval} on the given scheduler
 * (a virtual-time one in tests). {@link #fired()} emits, at each tick that has any, the keys whose deadline came.
 * Thread-safe: arming happens on callers' threads, turning on the scheduler's.
 */
final class DeadlineTimer {

	private final TimingWheel wheel;

	private final Duration tick;

	private final Scheduler scheduler;

	DeadlineTimer(Duration tick, int slots, Scheduler scheduler, int expected) {
		this.tick = tick;
		this.scheduler = scheduler;
		this.wheel = new TimingWheel(tick.toMillis(), slots, now(), expected);
	}

	synchronized void arm(long key, long deadlineMillis) {
		wheel.arm(key, deadlineMillis);
	}

	synchronized void cancel(long key) {
		wheel.cancel(key);
	}

	synchronized int armed() {
		return wheel.size();
	}

	synchronized long memoryBytes() {
		return wheel.memoryBytes();
	}

	/** Keys whose deadline has come, a batch per tick that has any. Cold: each subscriber turns the wheel. */
	Flux<long[]> fired() {
		return Flux.interval(tick, tick, scheduler)
			.onBackpressureDrop()
			.map(ignored -> advance())
			.filter(keys -> keys.length > 0);
	}

	/** Milliseconds on the timer's scheduler: the wall clock in production, virtual time in tests. */
	long now() {
		return scheduler.now(TimeUnit.MILLISECONDS);
	}

	private synchronized long[] advance() {
		var fired = new java.util.ArrayList<Long>();
		wheel.advance(now(), fired::add);
		return fired.stream().mapToLong(Long::longValue).toArray();
	}

}
