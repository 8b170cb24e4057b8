package io.lifeline.sla;

import java.time.Duration;

import io.lifeline.tickets.Priority;
import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code sla_policies} table: one row per priority. */
@Repository
public class SlaPolicyRepository {

	private final DatabaseClient db;

	SlaPolicyRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<SlaPolicy> find(Priority priority) {
		return db.sql("select * from sla_policies where priority = :priority")
			.bind("priority", priority.name())
			.map(SlaPolicyRepository::policy)
			.one();
	}

	Flux<SlaPolicy> findAll() {
		return db.sql("select * from sla_policies order by priority").map(SlaPolicyRepository::policy).all();
	}

	private static SlaPolicy policy(Readable row) {
		return new SlaPolicy(Priority.valueOf(row.get("priority", String.class)),
				duration(row.get("first_response", Interval.class)),
				duration(row.get("next_response", Interval.class)), duration(row.get("resolution", Interval.class)),
				duration(row.get("warn_before", Interval.class)), row.get("calendar", String.class));
	}

	static Duration duration(Interval interval) {
		return interval == null ? null : interval.getDuration();
	}

}
