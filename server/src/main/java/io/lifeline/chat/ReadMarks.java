package io.lifeline.chat;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.Role;
import io.lifeline.tickets.UnreadCounter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code reads} table: how far each participant has read each ticket, and what staff have not read yet. */
@Repository
class ReadMarks implements UnreadCounter {

	private final DatabaseClient db;

	ReadMarks(DatabaseClient db) {
		this.db = db;
	}

	/** Moves the user's mark forward to {@code seq}; emits true only if it moved. */
	Mono<Boolean> advance(UUID ticketId, UUID userId, long seq, Instant at) {
		return db.sql("""
				insert into reads (ticket_id, user_id, last_read_seq, updated_at)
				values (:ticketId, :userId, :seq, :at)
				on conflict (ticket_id, user_id) do update
				set last_read_seq = excluded.last_read_seq, updated_at = excluded.updated_at
				where reads.last_read_seq < excluded.last_read_seq""")
			.bind("ticketId", ticketId)
			.bind("userId", userId)
			.bind("seq", seq)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	Flux<ReadMark> marks(UUID ticketId) {
		return db.sql("""
				select r.user_id, r.last_read_seq, u.display_name, u.role
				from reads r join users u on u.id = r.user_id where r.ticket_id = :ticketId order by u.display_name""")
			.bind("ticketId", ticketId)
			.map(row -> new ReadMark(new Actor(row.get("user_id", UUID.class), row.get("display_name", String.class),
					Role.valueOf(row.get("role", String.class))), row.get("last_read_seq", Long.class)))
			.all();
	}

	@Override
	public Mono<Map<UUID, Long>> unread(UUID userId, Collection<UUID> ticketIds) {
		return db.sql("""
				select m.ticket_id, count(*) as unread
				from messages m
				join tickets t on t.id = m.ticket_id and m.author_id = t.customer_id
				left join reads r on r.ticket_id = m.ticket_id and r.user_id = :userId
				where m.ticket_id = any(:ticketIds) and m.seq > coalesce(r.last_read_seq, 0)
				group by m.ticket_id""")
			.bind("userId", userId)
			.bind("ticketIds", ticketIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("ticket_id", UUID.class), row.get("unread", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** One participant's read mark: {@code {user, seq}}. */
	record ReadMark(Actor user, long seq) {
	}

}
