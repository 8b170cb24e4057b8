package io.lifeline.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours an SLA clock runs in. Targets are amounts of business time: "one hour" of a business-hours calendar
 * started on Friday at 17:30 is due on Monday morning.
 */
public interface BusinessCalendar {

	/** The id policies name: {@value #AROUND_THE_CLOCK} or a business-hours calendar's id. */
	String AROUND_THE_CLOCK = "24x7";

	/** The instant at which {@code work} of business time has passed since {@code start}; {@code start} if none. */
	Instant plus(Instant start, Duration work);

	/** The business time between two instants; zero when {@code to} is not after {@code from}. */
	Duration between(Instant from, Instant to);

	static BusinessCalendar aroundTheClock() {
		return AroundTheClock.INSTANCE;
	}

	/** Every hour counts. */
	enum AroundTheClock implements BusinessCalendar {

		INSTANCE;

		@Override
		public Instant plus(Instant start, Duration work) {
			return work.isNegative() ? start : start.plus(work);
		}

		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

	}

}
