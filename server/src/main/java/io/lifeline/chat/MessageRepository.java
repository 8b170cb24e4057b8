package io.lifeline.chat;

import java.time.Instant;
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

	/** Inserts unless the ticket already has a message with that client id; emits whether it inserted. */
	Mono<Boolean> insert(UUID id, UUID ticketId, long seq, UUID authorId, SendMessage message, Instant at) {
		return db.sql("""
				insert into messages (id, ticket_id, seq, author_id, body, internal, client_message_id, created_at)
				values (:id, :ticketId, :seq, :authorId, :body, :internal, :clientMessageId, :at)
				on conflict (ticket_id, client_message_id) do nothing""")
			.bind("id", id)
			.bind("ticketId", ticketId)
			.bind("seq", seq)
			.bind("authorId", authorId)
			.bind("body", message.body())
			.bind("internal", message.isInternal())
			.bind("clientMessageId", message.clientMessageId())
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
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
				java.util.List.of());
	}

}
