package io.lifeline.assist;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.Role;
import io.lifeline.signaling.Scope;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code assist_sessions} table. */
@Repository
class AssistRepository {

	private static final String LIVE = "('REQUESTED', 'CONSENTED', 'ACTIVE')";

	private final DatabaseClient db;

	AssistRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts a new request; emits false when the ticket already has a live session. */
	Mono<Boolean> insert(AssistSession session) {
		return db.sql("""
				insert into assist_sessions (id, ticket_id, ticket_number, agent_id, agent_name, customer_id,
				                             customer_name, state, requested_scopes, reason, created_at, expires_at)
				values (:id, :ticketId, :ticketNumber, :agentId, :agentName, :customerId, :customerName, :state,
				        :requestedScopes, :reason, :createdAt, :expiresAt)
				on conflict (ticket_id) where state in """ + LIVE + " do nothing")
			.bind("id", session.id())
			.bind("ticketId", session.ticketId())
			.bind("ticketNumber", session.ticketNumber())
			.bind("agentId", session.agentId())
			.bind("agentName", session.agentName())
			.bind("customerId", session.customerId())
			.bind("customerName", session.customerName())
			.bind("state", session.state().name())
			.bind("requestedScopes", wires(session.requestedScopes()))
			.bind("reason", session.reason())
			.bind("createdAt", session.createdAt())
			.bind("expiresAt", session.expiresAt())
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	Mono<AssistSession> find(UUID id) {
		return db.sql("select * from assist_sessions where id = :id").bind("id", id).map(AssistRepository::session).one();
	}

	/** Reads the session and locks its row until the transaction ends: steps on one session queue here. */
	Mono<AssistSession> lock(UUID id) {
		return db.sql("select * from assist_sessions where id = :id for update")
			.bind("id", id)
			.map(AssistRepository::session)
			.one();
	}

	/** The live sessions of a ticket, locked. */
	Flux<AssistSession> lockLive(UUID ticketId) {
		return db.sql("select * from assist_sessions where ticket_id = :ticketId and state in " + LIVE + " for update")
			.bind("ticketId", ticketId)
			.map(AssistRepository::session)
			.all();
	}

	/**
	 * Live sessions due by the database's clock, locked; rows another node is claiming are skipped, so each
	 * expiry is handled by exactly one node.
	 */
	Flux<AssistSession> claimDue(int limit) {
		return db.sql("select * from assist_sessions where state in " + LIVE
				+ " and expires_at <= now() order by expires_at limit :limit for update skip locked")
			.bind("limit", limit)
			.map(AssistRepository::session)
			.all();
	}

	Flux<AssistSession> forTicket(UUID ticketId) {
		return db.sql("select * from assist_sessions where ticket_id = :ticketId order by created_at desc, id")
			.bind("ticketId", ticketId)
			.map(AssistRepository::session)
			.all();
	}

	Flux<AssistSession> live() {
		return db.sql("select * from assist_sessions where state in " + LIVE + " order by created_at desc")
			.map(AssistRepository::session)
			.all();
	}

	/** Writes what a step can change. */
	Mono<Void> update(AssistSession session) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update assist_sessions set state = :state, granted_scopes = :grantedScopes, expires_at = :expiresAt,
				       shown_at = :shownAt, consented_at = :consentedAt, ended_at = :endedAt, ended_by = :endedBy,
				       ended_by_name = :endedByName, ended_by_role = :endedByRole, end_reason = :endReason
				where id = :id""")
			.bind("id", session.id())
			.bind("state", session.state().name())
			.bind("grantedScopes", wires(session.grantedScopes()))
			.bind("expiresAt", session.expiresAt());
		update = nullable(update, "shownAt", session.shownAt(), Instant.class);
		update = nullable(update, "consentedAt", session.consentedAt(), Instant.class);
		update = nullable(update, "endedAt", session.endedAt(), Instant.class);
		Actor by = session.endedBy();
		update = nullable(update, "endedBy", by == null ? null : by.id(), UUID.class);
		update = nullable(update, "endedByName", by == null ? null : by.displayName(), String.class);
		update = nullable(update, "endedByRole", by == null ? null : by.role().name(), String.class);
		update = nullable(update, "endReason", session.endReason(), String.class);
		return update.then();
	}

	private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

	private static String[] wires(List<Scope> scopes) {
		return Scope.wires(scopes).toArray(String[]::new);
	}

	private static AssistSession session(Readable row) {
		UUID endedBy = row.get("ended_by", UUID.class);
		Actor by = endedBy == null ? null
				: new Actor(endedBy, row.get("ended_by_name", String.class),
						Role.valueOf(row.get("ended_by_role", String.class)));
		return new AssistSession(row.get("id", UUID.class), row.get("ticket_id", UUID.class),
				row.get("agent_id", UUID.class), row.get("customer_id", UUID.class),
				AssistState.valueOf(row.get("state", String.class)), scopes(row, "requested_scopes"),
				scopes(row, "granted_scopes"), row.get("reason", String.class), row.get("created_at", Instant.class),
				row.get("expires_at", Instant.class), row.get("agent_name", String.class),
				row.get("customer_name", String.class), row.get("ticket_number", Long.class),
				row.get("shown_at", Instant.class), row.get("consented_at", Instant.class),
				row.get("ended_at", Instant.class), by, row.get("end_reason", String.class));
	}

	private static List<Scope> scopes(Readable row, String column) {
		return Arrays.stream(row.get(column, String[].class)).map(Scope::of).toList();
	}

}
