package io.lifeline.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code sla_calendars} table. */
@Repository
class CalendarRepository {

	private static final TypeReference<Map<DayOfWeek, List<OpeningHours>>> HOURS = new TypeReference<>() {
	};

	private final DatabaseClient db;

	private final JsonMapper json;

	CalendarRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Flux<CalendarDefinition> findAll() {
		return db.sql("select * from sla_calendars order by id").map(this::definition).all();
	}

	Mono<CalendarDefinition> find(String id) {
		return db.sql("select * from sla_calendars where id = :id").bind("id", id).map(this::definition).one();
	}

	Mono<Void> save(CalendarDefinition calendar) {
		return db.sql("""
				insert into sla_calendars (id, name, time_zone, hours, holidays)
				values (:id, :name, :timeZone, :hours, :holidays)
				on conflict (id) do update set name = excluded.name, time_zone = excluded.time_zone,
				    hours = excluded.hours, holidays = excluded.holidays""")
			.bind("id", calendar.id())
			.bind("name", calendar.name())
			.bind("timeZone", calendar.timeZone())
			.bind("hours", Json.of(json.writeValueAsString(calendar.hours())))
			.bind("holidays", calendar.holidays().toArray(LocalDate[]::new))
			.then();
	}

	Mono<Boolean> delete(String id) {
		return db.sql("delete from sla_calendars where id = :id")
			.bind("id", id)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	private CalendarDefinition definition(Readable row) {
		return new CalendarDefinition(row.get("id", String.class), row.get("name", String.class),
				row.get("time_zone", String.class), json.readValue(row.get("hours", Json.class).asString(), HOURS),
				Arrays.asList(row.get("holidays", LocalDate[].class)));
	}

}
