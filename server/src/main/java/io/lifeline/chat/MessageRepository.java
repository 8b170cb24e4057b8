package io.lifeline.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.Role;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code messages} table. */
@Repository
class MessageRepository {

	private static final String SELECT = """
			select m.*, u.display_name, u.role from messages m join users u on u.id = m.author_id
			""";

	private final DatabaseClient db;

	MessageRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Inserts the messages in one statement, each unless its ticket already has a message with its client id;
	 * emits the {@link Message#key() key} of each one it inserted.
	 */
	Flux<String> insertAll(List<Message> rows) {
		return db.sql("""
				insert into messages (id, ticket_id, seq, author_id, body, internal, client_message_id, created_at)
				select * from unnest(cast(:ids as uuid[]), cast(:ticketIds as uuid[]), cast(:seqs as bigint[]),
						cast(:authorIds as uuid[]), cast(:bodies as text[]), cast(:internals as boolean[]),
						cast(:clientMessageIds as text[]), cast(:ats as timestamptz[]))
				on conflict (ticket_id, client_message_id) do nothing
				returning ticket_id, client_message_id""")
			.bind("ids", rows.stream().map(Message::id).toArray(UUID[]::new))
			.bind("ticketIds", rows.stream().map(Message::ticketId).toArray(UUID[]::new))
			.bind("seqs", rows.stream().map(Message::seq).toArray(Long[]::new))
			.bind("authorIds", rows.stream().map(row -> row.author().id()).toArray(UUID[]::new))
			.bind("bodies", rows.stream().map(Message::body).toArray(String[]::new))
			.bind("internals", rows.stream().map(Message::internal).toArray(Boolean[]::new))
			.bind("clientMessageIds", rows.stream().map(Message::clientMessageId).toArray(String[]::new))
			.bind("ats", rows.stream().map(Message::createdAt).toArray(Instant[]::new))
			.map(row -> Message.key(row.get("ticket_id", UUID.class), row.get("client_message_id", String.class)))
			.all();
	}

	Mono<Message> findByClientMessageId(UUID ticketId, String clientMessageId) {
		return db.sql(SELECT + " where m.ticket_id = :ticketId and m.client_message_id = :clientMessageId")
			.bind("ticketId", ticketId)
			.bind("clientMessageId", clientMessageId)
			.map(MessageRepository::message)
			.one();
	}

	/** A page of the ticket's messages, newest first, below {@code beforeSeq}. */
	Flux<Message> page(UUID ticketId, long beforeSeq, int limit, boolean withInternal) {
		return db.sql(SELECT + " where m.ticket_id = :ticketId and m.seq < :beforeSeq"
				+ (withInternal ? "" : " and not m.internal") + " order by m.seq desc limit :limit")
			.bind("ticketId", ticketId)
			.bind("beforeSeq", beforeSeq)
			.bind("limit", limit)
			.map(MessageRepository::message)
			.all();
	}

	private static Message message(Readable row) {
		Actor author = new Actor(row.get("author_id", UUID.class), row.get("display_name", String.class),
				Role.valueOf(row.get("role", String.class)));
		return new Message(row.get("id", UUID.class), row.get("ticket_id", UUID.class), row.get("seq", Long.class),
				author, row.get("body", String.class), row.get("internal", Boolean.class),
				row.get("client_message_id", String.class), row.get("created_at", Instant.class),
				List.of());
	}

}
