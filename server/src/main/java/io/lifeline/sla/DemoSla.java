package io.lifeline.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.lifeline.identity.DemoUsers;
import io.lifeline.system.DatabaseProperties;
import io.lifeline.system.DemoProperties;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode: two business-hours calendars, and bob on call and in tier 2. */
@Component
@Order(DemoUsers.ORDER + 5)
class DemoSla implements ApplicationRunner {

	private final CalendarRepository calendars;

	private final EscalationGroups groups;

	private final boolean enabled;

	DemoSla(CalendarRepository calendars, EscalationGroups groups, DemoProperties demo, DatabaseProperties database) {
		this.calendars = calendars;
		this.groups = groups;
		this.enabled = demo.enabledFor(database);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		Flux.just(weekdays("business-shanghai", "Shanghai office", "Asia/Shanghai", "09:00", "18:00",
				List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7))),
				weekdays("business-london", "London office", "Europe/London", "08:30", "17:30",
						List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1))))
			.concatMap(calendar -> calendars.find(calendar.id()).hasElement()
				.flatMap(exists -> exists ? reactor.core.publisher.Mono.<Void>empty() : calendars.save(calendar)))
			.then(groups.members(EscalationGroups.ON_CALL))
			.filter(List::isEmpty)
			.flatMap(none -> groups.save(EscalationGroups.ON_CALL, List.of(DemoUsers.BOB.id()))
				.then(groups.save("tier2", List.of(DemoUsers.BOB.id()))))
			.block(Duration.ofSeconds(30));
	}

	private static CalendarDefinition weekdays(String id, String name, String zone, String from, String to,
			List<LocalDate> holidays) {
		Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			boolean weekday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
			week.put(day, weekday ? List.of(new OpeningHours(LocalTime.parse(from), LocalTime.parse(to))) : List.of());
		}
		return new CalendarDefinition(id, name, zone, week, holidays);
	}

}
