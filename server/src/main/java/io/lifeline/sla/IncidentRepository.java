package io.lifeline.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code incidents} and {@code incident_participants} tables. */
@Repository
class IncidentRepository {

	private final DatabaseClient db;

	IncidentRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Emits whether this call opened it (false: it was open already). */
	Mono<Boolean> open(UUID ticketId, Instant at) {
		return db.sql("insert into incidents (ticket_id, opened_at) values (:ticketId, :at) on conflict do nothing")
			.bind("ticketId", ticketId)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	Mono<Instant> openedAt(UUID ticketId) {
		return db.sql("select opened_at from incidents where ticket_id = :ticketId")
			.bind("ticketId", ticketId)
			.map(row -> row.get("opened_at", Instant.class))
			.one();
	}

	/** Incidents whose ticket is not yet SOLVED or CLOSED, newest first. */
	Flux<UUID> openTickets() {
		return db.sql("""
				select i.ticket_id from incidents i join tickets t on t.id = i.ticket_id
				where t.status not in ('SOLVED', 'CLOSED') order by i.opened_at desc limit 100""")
			.map(row -> row.get("ticket_id", UUID.class))
			.all();
	}

	/** Emits whether this call added them. */
	Mono<Boolean> join(UUID ticketId, UUID userId, Instant at) {
		return db.sql("""
				insert into incident_participants (ticket_id, user_id, joined_at) values (:ticketId, :userId, :at)
				on conflict do nothing""")
			.bind("ticketId", ticketId)
			.bind("userId", userId)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	Mono<List<Incident.Participant>> participants(UUID ticketId) {
		return db.sql("""
				select u.id, u.display_name, p.joined_at from incident_participants p join users u on u.id = p.user_id
				where p.ticket_id = :ticketId order by p.joined_at""")
			.bind("ticketId", ticketId)
			.map(row -> new Incident.Participant(row.get("id", UUID.class), row.get("display_name", String.class),
					row.get("joined_at", Instant.class)))
			.all()
			.collectList();
	}

}
