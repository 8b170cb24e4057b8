package io.lifeline.sla;

import java.time.LocalTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One stretch of a day a calendar is open, local time: {@code {"from":"09:00","to":"17:30"}}. {@code "to"} may be
 * {@code "00:00"}, meaning the end of the day; a stretch never crosses midnight (use two).
 */
public record OpeningHours(@JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to) {

	boolean endsAtMidnight() {
		return to.equals(LocalTime.MIDNIGHT);
	}

	boolean isValid() {
		return from != null && to != null && (endsAtMidnight() || to.isAfter(from));
	}

}
