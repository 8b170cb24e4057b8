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
class SlaPolicyRepository {

	private final DatabaseClient db;

	SlaPolicyRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<SlaPolicy> find(Priority priority) {
		return db.sql("select * from sla_policies where priority = :priority")
			.bind("priority", priority.name())
			.map(SlaPolicyRepository::policy)
			.one();
	}

	Flux<SlaPolicy> findAll() {
		return db.sql("select * from sla_policies order by priority").map(SlaPolicyRepository::policy).all();
	}

	Mono<Void> save(SlaPolicy policy) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update sla_policies set first_response = :firstResponse, next_response = :nextResponse,
				       resolution = :resolution, warn_before = :warnBefore, calendar = :calendar,
				       notify_supervisors = :notify, reassign_group = :group
				where priority = :priority""")
			.bind("priority", policy.priority().name())
			.bind("firstResponse", Interval.of(policy.firstResponse()))
			.bind("resolution", Interval.of(policy.resolution()))
			.bind("warnBefore", Interval.of(policy.warnBefore()))
			.bind("calendar", policy.calendar())
			.bind("notify", policy.escalation().notifySupervisors());
		update = policy.nextResponse() == null ? update.bindNull("nextResponse", Interval.class)
				: update.bind("nextResponse", Interval.of(policy.nextResponse()));
		update = policy.escalation().reassignToGroup() == null ? update.bindNull("group", String.class)
				: update.bind("group", policy.escalation().reassignToGroup());
		return update.then();
	}

	Mono<Boolean> usesCalendar(String calendar) {
		return db.sql("select exists (select 1 from sla_policies where calendar = :calendar) as used")
			.bind("calendar", calendar)
			.map(row -> row.get("used", Boolean.class))
			.one();
	}

	private static SlaPolicy policy(Readable row) {
		return new SlaPolicy(Priority.valueOf(row.get("priority", String.class)),
				duration(row.get("first_response", Interval.class)),
				duration(row.get("next_response", Interval.class)), duration(row.get("resolution", Interval.class)),
				duration(row.get("warn_before", Interval.class)), row.get("calendar", String.class),
				new SlaPolicy.Escalation(row.get("notify_supervisors", Boolean.class),
						row.get("reassign_group", String.class)));
	}

	private static Duration duration(Interval interval) {
		return interval == null ? null : interval.getDuration();
	}

}
