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
	 * emits the {@link NewMessage#key() key} of each one it inserted.
	 */
	Flux<String> insertAll(List<NewMessage> rows) {
		return db.sql("""
				insert into messages (id, ticket_id, seq, author_id, body, internal, client_message_id, created_at)
				select * from unnest(cast(:ids as uuid[]), cast(:ticketIds as uuid[]), cast(:seqs as bigint[]),
						cast(:authorIds as uuid[]), cast(:bodies as text[]), cast(:internals as boolean[]),
						cast(:clientMessageIds as text[]), cast(:ats as timestamptz[]))
				on conflict (ticket_id, client_message_id) do nothing
				returning ticket_id, client_message_id""")
			.bind("ids", rows.stream().map(NewMessage::id).toArray(UUID[]::new))
			.bind("ticketIds", rows.stream().map(NewMessage::ticketId).toArray(UUID[]::new))
			.bind("seqs", rows.stream().map(NewMessage::seq).toArray(Long[]::new))
			.bind("authorIds", rows.stream().map(NewMessage::authorId).toArray(UUID[]::new))
			.bind("bodies", rows.stream().map(NewMessage::body).toArray(String[]::new))
			.bind("internals", rows.stream().map(NewMessage::internal).toArray(Boolean[]::new))
			.bind("clientMessageIds", rows.stream().map(NewMessage::clientMessageId).toArray(String[]::new))
			.bind("ats", rows.stream().map(NewMessage::at).toArray(Instant[]::new))
			.map(row -> NewMessage.key(row.get("ticket_id", UUID.class), row.get("client_message_id", String.class)))
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

	/** A row for {@link #insertAll}. */
	record NewMessage(UUID id, UUID ticketId, long seq, UUID authorId, String body, boolean internal,
			String clientMessageId, Instant at) {

		/** What makes a message unique: its ticket and its client id. */
		static String key(UUID ticketId, String clientMessageId) {
			return ticketId + "/" + clientMessageId;
		}

		String key() {
			return key(ticketId, clientMessageId);
		}

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
