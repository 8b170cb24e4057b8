package io.lifeline.sla;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Calendars by id, kept for {@code lifeline.sla.rules-cache-ttl}: clocks are computed on every ticket change,
 * calendars change rarely.
 */
@Component
class Calendars {

	private final TtlCache<String, BusinessCalendar> cache;

	Calendars(CalendarRepository calendars, Clock clock, SlaProperties properties) {
		this.cache = new TtlCache<>(id -> calendars.find(id)
			.map(CalendarDefinition::toCalendar)
			.defaultIfEmpty(BusinessCalendar.aroundTheClock()), properties.rulesCacheTtl(), clock);
	}

	/** The calendar, or around the clock for {@code 24x7} and for one that no longer exists. */
	Mono<BusinessCalendar> find(String id) {
		if (id == null || BusinessCalendar.AROUND_THE_CLOCK.equals(id)) {
			return Mono.just(BusinessCalendar.aroundTheClock());
		}
		return cache.get(id);
	}

	void forget(String id) {
		cache.forget(id);
	}

}
