package io.lifeline.sla;

import java.time.Duration;

import io.r2dbc.postgresql.codec.Interval;

/**
 * PostgreSQL {@code interval}s as exact durations. The driver's {@code Interval.of(Duration)} splits whole days off and
 * {@code getDuration()} reads back only the time of day, so a 72-hour target would come back as zero; these keep every
 * duration in hours, minutes and seconds, and read days (and, were any ever stored, months and years) back in.
 */
final class Intervals {

	private Intervals() {
	}

	static Interval of(Duration duration) {
		return Interval.of(0, 0, 0, Math.toIntExact(duration.toHours()), duration.toMinutesPart(),
				duration.toSecondsPart() + duration.toNanosPart() / 1e9);
	}

	static Duration toDuration(Interval interval) {
		if (interval == null) {
			return null;
		}
		long days = interval.getDays() + 30L * interval.getMonths() + 365L * interval.getYears();
		return Duration.ofDays(days).plus(interval.getDuration());
	}

}
