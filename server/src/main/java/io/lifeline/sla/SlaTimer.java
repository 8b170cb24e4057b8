package io.lifeline.sla;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's in-memory wake-ups for deadlines within the horizon, keyed by {@code sla_deadlines.id}. The database's
 * clock decides what is due; deadlines are armed against it by the skew last measured between the two clocks.
 */
@Component
class SlaTimer implements DisposableBean {

	private final Scheduler scheduler = Schedulers.newSingle("lifeline-sla-timer");

	private final DeadlineTimer timer;

	private final long horizonMillis;

	private volatile long databaseAheadMillis;

	SlaTimer(SlaProperties properties) {
		this.timer = new DeadlineTimer(properties.tick(), properties.wheelSlots(), scheduler, 1024);
		this.horizonMillis = properties.horizon().toMillis();
	}

	/** Arms {@code id} if {@code fireAt} (database time) is within the horizon; later ones wait for a scan. */
	void arm(long id, Instant fireAt) {
		long local = fireAt.toEpochMilli() - databaseAheadMillis;
		if (local - timer.now() <= horizonMillis) {
			timer.arm(id, local);
		}
	}

	void cancel(long id) {
		timer.cancel(id);
	}

	/** Records how far the database's clock is ahead of this node's (negative: behind). */
	void observeDatabaseTime(Instant databaseNow) {
		databaseAheadMillis = databaseNow.toEpochMilli() - timer.now();
	}

	Flux<long[]> fired() {
		return timer.fired();
	}

	@Override
	public void destroy() {
		scheduler.dispose();
	}

}
