package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTests {

	/** Monday to Friday, 09:00-17:00 local time. */
	static BusinessHours weekdays(String zone, LocalDate... holidays) {
		return weekdaysWithClosing(zone, 17, holidays);
	}

	/** Monday to Friday, 09:00 to {@code closing}:00 local time. */
	static BusinessHours weekdaysWithClosing(String zone, int closing, LocalDate... holidays) {
		Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				week.put(day, List.of(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(closing, 0))));
			}
		}
		return new BusinessHours(ZoneId.of(zone), week, Set.of(holidays));
	}

	@ParameterizedTest(name = "{0} + {1} in {2} = {3}")
	@CsvSource({
			// Friday 2026-11-20 16:30 Shanghai (08:30Z) + 1h: 30 min on Friday, 30 min on Monday 09:00-09:30
			"2026-11-20T08:30:00Z, PT1H, Asia/Shanghai, 2026-11-23T01:30:00Z",
			// Saturday start waits for Monday's opening
			"2026-11-21T03:00:00Z, PT15M, Asia/Shanghai, 2026-11-23T01:15:00Z",
			// Before opening on a weekday: starts at 09:00
			"2026-11-23T00:00:00Z, PT2H, Asia/Shanghai, 2026-11-23T03:00:00Z",
			// The same instant in London is Friday 08:30, before opening: 09:00 + 1h
			"2026-11-20T08:30:00Z, PT1H, Europe/London, 2026-11-20T10:00:00Z",
			// Exactly the rest of the day ends at closing, not at the next opening
			"2026-11-20T16:00:00Z, PT1H, Europe/London, 2026-11-20T17:00:00Z",
			// A 16-hour target spans two full business days
			"2026-11-23T09:00:00Z, PT16H, Europe/London, 2026-11-24T17:00:00Z",
	})
	void addsBusinessTime(Instant start, Duration work, String zone, Instant expected) {
		assertThat(weekdays(zone).plus(start, work)).isEqualTo(expected);
	}

	@Test
	void skipsHolidays() {
		// Thursday 2026-12-24 16:00 London + 2h: 1h on Thursday, Friday 25th is a holiday, weekend, Monday 28th too
		BusinessHours london = weekdays("Europe/London", LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
		assertThat(london.plus(Instant.parse("2026-12-24T16:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
	}

	@Test
	void followsDaylightSavingChanges() {
		// London leaves summer time on Sunday 2026-10-25: Friday 16:00 BST (15:00Z) + 2h = Monday 10:00 GMT (10:00Z)
		BusinessHours london = weekdays("Europe/London");
		assertThat(london.plus(Instant.parse("2026-10-23T15:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-10-26T10:00:00Z"));
		// New York springs forward on Sunday 2027-03-14: Friday 16:00 EST (21:00Z) + 2h = Monday 10:00 EDT (14:00Z)
		BusinessHours newYork = weekdays("America/New_York");
		assertThat(newYork.plus(Instant.parse("2027-03-12T21:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
	}

	@Test
	void aDayOpenAroundTheClockIsShorterOnTheSpringForwardNight() {
		Map<DayOfWeek, List<OpeningHours>> allDay = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			allDay.put(day, List.of(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		BusinessHours london = new BusinessHours(ZoneId.of("Europe/London"), allDay, Set.of());
		// Sunday 2027-03-28 has 23 hours in London
		assertThat(london.between(Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T23:00:00Z")))
			.isEqualTo(Duration.ofHours(23));
		assertThat(london.plus(Instant.parse("2027-03-27T23:00:00Z"), Duration.ofHours(24)))
			.isEqualTo(Instant.parse("2027-03-28T23:00:00Z"));
	}

	@ParameterizedTest(name = "{0} .. {1} in {2} = {3}")
	@CsvSource({
			"2026-11-20T08:30:00Z, 2026-11-23T01:30:00Z, Asia/Shanghai, PT1H",
			"2026-11-21T00:00:00Z, 2026-11-22T23:59:00Z, Europe/London, PT0S",
			"2026-11-23T17:00:00Z, 2026-11-23T09:00:00Z, Europe/London, PT0S",
			"2026-10-23T15:00:00Z, 2026-10-26T10:00:00Z, Europe/London, PT2H",
	})
	void measuresBusinessTimeBetweenInstants(Instant from, Instant to, String zone, Duration expected) {
		assertThat(weekdays(zone).between(from, to)).isEqualTo(expected);
	}

	@Test
	void plusAndBetweenAgree() {
		BusinessHours shanghai = weekdays("Asia/Shanghai", LocalDate.of(2027, 1, 1));
		Instant start = Instant.parse("2026-12-30T05:17:00Z");
		for (int minutes = 1; minutes < 60 * 40; minutes += 37) {
			Duration work = Duration.ofMinutes(minutes);
			assertThat(shanghai.between(start, shanghai.plus(start, work))).isEqualTo(work);
		}
	}

}
