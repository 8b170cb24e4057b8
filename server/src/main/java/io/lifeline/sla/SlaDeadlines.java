package io.lifeline.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sla_deadlines} table: one row per started clock, holding when its alerts are due and which of this
 * cycle's have fired. {@code next_fire_at} is generated from those, so a row is due when it is not null and past.
 */
@Repository
class SlaDeadlines {

	private final DatabaseClient db;

	SlaDeadlines(DatabaseClient db) {
		this.db = db;
	}

	/** Writes the clocks that changed between two states of a ticket; emits each row and its next firing, if any. */
	Flux<Armed> sync(UUID ticketId, SlaClocks before, SlaClocks after) {
		return Flux.fromIterable(after.clocks())
			.filter(clock -> before == null || !before.find(clock.clock()).map(old -> sameAlarms(old, clock)).orElse(false))
			.concatMap(clock -> upsert(ticketId, clock));
	}

	/** Deadlines firing within {@code horizon} of the database's clock, overdue ones included. */
	Flux<Armed> within(Duration horizon) {
		return db.sql("""
				select id, next_fire_at, statement_timestamp() as db_now from sla_deadlines
				where next_fire_at < statement_timestamp() + :horizon""")
			.bind("horizon", Interval.of(horizon))
			.map(row -> new Armed(row.get("id", Long.class), row.get("next_fire_at", Instant.class),
					row.get("db_now", Instant.class)))
			.all();
	}

	/**
	 * Claims up to {@code limit} due deadlines, with their tickets' rows, until this transaction ends; rows another
	 * node holds are skipped, never waited for. Ticket order, so every writer takes ticket streams in one order.
	 */
	Flux<Claimed> claim(int limit) {
		return db.sql("""
				select * from (
				    select d.id, d.ticket_id, d.clock, d.warn_at, d.due_at, d.warned, d.breached,
				           statement_timestamp() as db_now
				    from sla_deadlines d join tickets t on t.id = d.ticket_id
				    where d.next_fire_at <= statement_timestamp()
				    order by d.next_fire_at
				    limit :limit
				    for no key update of d, t skip locked) claimed
				order by ticket_id, id""")
			.bind("limit", limit)
			.map(SlaDeadlines::claimed)
			.all();
	}

	/** Marks alerts fired; emits when the row fires next (database time), if it does. */
	Mono<Instant> fired(long id, boolean warned, boolean breached) {
		return db.sql("""
				update sla_deadlines set warned = warned or :warned, breached = breached or :breached
				where id = :id returning next_fire_at""")
			.bind("id", id)
			.bind("warned", warned)
			.bind("breached", breached)
			.map(row -> java.util.Optional.ofNullable(row.get("next_fire_at", Instant.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	private Mono<Armed> upsert(UUID ticketId, SlaClock clock) {
		Instant due = clock.isRunning() ? clock.dueAt() : null;
		Instant warn = clock.isRunning() ? clock.warnAt() : null;
		DatabaseClient.GenericExecuteSpec upsert = db.sql("""
				insert into sla_deadlines as d (ticket_id, clock, cycle, warn_at, due_at, warned, breached)
				values (:ticketId, :clock, :cycle, :warnAt, :dueAt, :noWarning, false)
				on conflict (ticket_id, clock) do update set
				    warn_at = excluded.warn_at, due_at = excluded.due_at, cycle = excluded.cycle,
				    warned = case when d.cycle = excluded.cycle then d.warned else excluded.warned end,
				    breached = case when d.cycle = excluded.cycle then d.breached else false end
				returning id, next_fire_at, statement_timestamp() as db_now""")
			.bind("ticketId", ticketId)
			.bind("clock", clock.clock().json())
			.bind("cycle", clock.cycle())
			.bind("noWarning", clock.warnAt() == null);
		upsert = due == null ? upsert.bindNull("dueAt", Instant.class) : upsert.bind("dueAt", due);
		upsert = warn == null ? upsert.bindNull("warnAt", Instant.class) : upsert.bind("warnAt", warn);
		return upsert
			.map(row -> new Armed(row.get("id", Long.class), row.get("next_fire_at", Instant.class),
					row.get("db_now", Instant.class)))
			.one();
	}

	private static boolean sameAlarms(SlaClock before, SlaClock after) {
		return before.cycle() == after.cycle() && before.isRunning() == after.isRunning()
				&& Objects.equals(before.dueAt(), after.dueAt()) && Objects.equals(before.warnAt(), after.warnAt());
	}

	private static Claimed claimed(Readable row) {
		return new Claimed(row.get("id", Long.class), row.get("ticket_id", UUID.class),
				ClockKind.fromJson(row.get("clock", String.class)), row.get("warn_at", Instant.class),
				row.get("due_at", Instant.class), row.get("warned", Boolean.class), row.get("breached", Boolean.class),
				row.get("db_now", Instant.class));
	}

	/** A deadline row and when it fires next, with the database's time of reading. */
	record Armed(long id, Instant fireAt, Instant databaseNow) {
	}

	/** A due deadline this transaction holds. */
	record Claimed(long id, UUID ticketId, ClockKind clock, Instant warnAt, Instant dueAt, boolean warned,
			boolean breached, Instant databaseNow) {

		boolean warningDue() {
			return !warned && warnAt != null && !warnAt.isAfter(databaseNow);
		}

		boolean breachDue() {
			return !breached && dueAt != null && !dueAt.isAfter(databaseNow);
		}

	}

}
