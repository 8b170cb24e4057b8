package io.lifeline.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.lifeline.system.ApiProblem;

/**
 * A business-hours calendar as supervisors edit it: {@code {id, name, timeZone, hours: {MONDAY: [{from, to}], …},
 * holidays: ["2026-12-25"]}}.
 */
public record CalendarDefinition(String id, String name, String timeZone, Map<DayOfWeek, List<OpeningHours>> hours,
		List<LocalDate> holidays) {

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	static final int MAX_HOLIDAYS = 500;

	BusinessCalendar toCalendar() {
		return new BusinessHours(ZoneId.of(timeZone), hours, new HashSet<>(holidays));
	}

	/** This definition stored under {@code id}, or every problem with it. */
	CalendarDefinition validated(String pathId) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (!ID.matcher(pathId).matches() || BusinessCalendar.AROUND_THE_CLOCK.equals(pathId)) {
			errors.add(new ApiProblem.FieldError("id", "must be lower-case letters, digits and '-', at most 64"));
		}
		if (id != null && !id.equals(pathId)) {
			errors.add(new ApiProblem.FieldError("id", "must match the id in the path"));
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			errors.add(new ApiProblem.FieldError("name", "is required, at most 100 characters"));
		}
		try {
			ZoneId.of(timeZone == null ? "" : timeZone);
		}
		catch (DateTimeException ex) {
			errors.add(new ApiProblem.FieldError("timeZone", "is not a time zone id such as Asia/Shanghai"));
		}
		Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
		Duration open = Duration.ZERO;
		if (hours != null) {
			for (var day : hours.entrySet()) {
				List<OpeningHours> stretches = day.getValue() == null ? List.of() : day.getValue();
				for (int i = 0; i < stretches.size(); i++) {
					OpeningHours stretch = stretches.get(i);
					if (stretch == null || !stretch.isValid()) {
						errors.add(new ApiProblem.FieldError("hours." + day.getKey() + "[" + i + "]",
								"needs from before to (HH:mm; to 00:00 means midnight)"));
						continue;
					}
					open = open.plus(Duration.between(stretch.from(), stretch.to()).plusDays(stretch.endsAtMidnight() ? 1 : 0));
				}
				if (overlaps(stretches)) {
					errors.add(new ApiProblem.FieldError("hours." + day.getKey(), "stretches overlap"));
				}
				week.put(day.getKey(), List.copyOf(stretches));
			}
		}
		if (!open.isPositive()) {
			errors.add(new ApiProblem.FieldError("hours", "must open at least once a week"));
		}
		List<LocalDate> days = holidays == null ? List.of() : holidays;
		if (days.size() > MAX_HOLIDAYS || days.stream().anyMatch(java.util.Objects::isNull)) {
			errors.add(new ApiProblem.FieldError("holidays", "at most " + MAX_HOLIDAYS + " dates (yyyy-MM-dd)"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest("The calendar is not valid", errors);
		}
		return new CalendarDefinition(pathId, name.strip(), timeZone, week,
				days.stream().distinct().sorted().toList());
	}

	private static boolean overlaps(List<OpeningHours> stretches) {
		List<OpeningHours> sorted = stretches.stream()
			.filter(s -> s != null && s.isValid())
			.sorted(java.util.Comparator.comparing(OpeningHours::from))
			.toList();
		for (int i = 1; i < sorted.size(); i++) {
			OpeningHours before = sorted.get(i - 1);
			if (before.endsAtMidnight() || before.to().isAfter(sorted.get(i).from())) {
				return true;
			}
		}
		return false;
	}

}
