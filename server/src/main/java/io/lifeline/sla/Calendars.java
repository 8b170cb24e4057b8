package io.lifeline.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Calendars by id, kept for a short while: clocks are computed on every ticket change, calendars change rarely. An
 * edit on this node applies here at once and on other nodes within {@code lifeline.sla.calendar-cache-ttl}.
 */
@Component
class Calendars {

	private final CalendarRepository calendars;

	private final Clock clock;

	private final java.time.Duration ttl;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Calendars(CalendarRepository calendars, Clock clock, SlaProperties properties) {
		this.calendars = calendars;
		this.clock = clock;
		this.ttl = properties.calendarCacheTtl();
	}

	/** The calendar, or around the clock for {@code 24x7} and for one that no longer exists. */
	Mono<BusinessCalendar> find(String id) {
		if (id == null || BusinessCalendar.AROUND_THE_CLOCK.equals(id)) {
			return Mono.just(BusinessCalendar.aroundTheClock());
		}
		Instant now = clock.instant();
		Cached cached = cache.get(id);
		if (cached != null && now.isBefore(cached.until())) {
			return Mono.just(cached.calendar());
		}
		return calendars.find(id)
			.map(CalendarDefinition::toCalendar)
			.defaultIfEmpty(BusinessCalendar.aroundTheClock())
			.doOnNext(calendar -> cache.put(id, new Cached(calendar, now.plus(ttl))));
	}

	void forget(String id) {
		cache.remove(id);
	}

	private record Cached(BusinessCalendar calendar, Instant until) {
	}

}
