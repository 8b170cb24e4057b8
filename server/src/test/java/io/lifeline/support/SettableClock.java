package io.lifeline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import reactor.core.scheduler.Scheduler;

/** A clock tests move by hand, or one that follows a (virtual-time) scheduler. */
public final class SettableClock extends Clock {

	private final Supplier<Instant> now;

	private Instant set;

	public SettableClock(Instant start) {
		this.set = start;
		this.now = () -> set;
	}

	private SettableClock(Supplier<Instant> now) {
		this.now = now;
	}

	/** A clock that reads the scheduler's time, so virtual time moves it too. */
	public static SettableClock following(Scheduler scheduler) {
		return new SettableClock(() -> Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS)));
	}

	public void advance(Duration duration) {
		set = set.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now.get();
	}

}
