package io.lifeline.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly opening hours in a time zone, minus holidays. Open stretches are laid out day by day in local time and
 * turned into instants by the zone's rules, so a clock runs exactly the real time the desk is open, across weekends,
 * holidays and daylight-saving changes (a 09:00-17:00 day is 8 hours on either side of a change; a stretch that
 * spans the missing hour of a spring-forward night is an hour shorter).
 */
final class BusinessHours implements BusinessCalendar {

	/** Far enough for any target over any run of holidays; a calendar is refused unless it opens every week. */
	static final int MAX_DAYS = 3 * 366;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<OpeningHours>> week;

	private final Set<LocalDate> holidays;

	BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
		this.zone = zone;
		this.week = new EnumMap<>(DayOfWeek.class);
		week.forEach((day, hours) -> this.week.put(day,
				hours.stream().sorted(Comparator.comparing(OpeningHours::from)).toList()));
		this.holidays = Set.copyOf(holidays);
	}

	@Override
	public Instant plus(Instant start, Duration work) {
		if (!work.isPositive()) {
			return start;
		}
		Duration left = work;
		LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Stretch open : stretches(day)) {
				Instant from = open.from().isAfter(start) ? open.from() : start;
				if (!from.isBefore(open.to())) {
					continue;
				}
				Duration available = Duration.between(from, open.to());
				if (available.compareTo(left) >= 0) {
					return from.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw new IllegalStateException("The calendar is never open within " + MAX_DAYS + " days of " + start);
	}

	@Override
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			for (Stretch open : stretches(day)) {
				Instant start = open.from().isAfter(from) ? open.from() : from;
				Instant end = open.to().isBefore(to) ? open.to() : to;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	private List<Stretch> stretches(LocalDate day) {
		if (holidays.contains(day)) {
			return List.of();
		}
		return week.getOrDefault(day.getDayOfWeek(), List.of())
			.stream()
			.map(hours -> new Stretch(day.atTime(hours.from()).atZone(zone).toInstant(),
					(hours.endsAtMidnight() ? day.plusDays(1).atStartOfDay() : day.atTime(hours.to())).atZone(zone)
						.toInstant()))
			.toList();
	}

	private record Stretch(Instant from, Instant to) {
	}

}
