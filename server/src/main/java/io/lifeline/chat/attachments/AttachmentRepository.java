package io.lifeline.chat.attachments;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code attachments} table. Only a download reads {@code data}. */
@Repository
class AttachmentRepository {

	private static final String COLUMNS = """
			a.id, a.seq, a.ticket_id, a.uploader_id, a.message_id, a.internal, a.filename, a.content_type, a.size,
			a.sha256, a.created_at""";

	/**
	 * Who may see an attachment: staff any; a customer only on their own ticket, never an internal one, and never
	 * someone else's upload before a message carries it (an agent's draft is not the customer's to read yet).
	 */
	private static final String VISIBLE = """
			(:staff or (t.customer_id = :viewer and not a.internal
			            and (a.message_id is not null or a.uploader_id = :viewer)))""";

	private final DatabaseClient db;

	AttachmentRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The customer of a ticket, or empty when there is no such ticket. */
	Mono<UUID> ticketCustomer(UUID ticketId) {
		return db.sql("select customer_id from tickets where id = :id")
			.bind("id", ticketId)
			.map(row -> row.get("customer_id", UUID.class))
			.one();
	}

	Mono<Void> insert(AttachmentRecord attachment, byte[] data) {
		return db.sql("""
				insert into attachments (id, ticket_id, uploader_id, internal, filename, content_type, size, sha256,
				                         data, created_at)
				values (:id, :ticketId, :uploaderId, :internal, :filename, :contentType, :size, :sha256, :data,
				        :createdAt)""")
			.bind("id", attachment.id())
			.bind("ticketId", attachment.ticketId())
			.bind("uploaderId", attachment.uploaderId())
			.bind("internal", attachment.internal())
			.bind("filename", attachment.filename())
			.bind("contentType", attachment.type().mediaType())
			.bind("size", attachment.size())
			.bind("sha256", ByteBuffer.wrap(attachment.sha256()))
			.bind("data", ByteBuffer.wrap(data))
			.bind("createdAt", attachment.createdAt())
			.then();
	}

	/** The attachment with its bytes, when {@code viewer} may see it. */
	Mono<AttachmentContent> findContent(UUID id, CurrentUser viewer) {
		return db.sql("select " + COLUMNS + ", a.data from attachments a join tickets t on t.id = a.ticket_id"
				+ " where a.id = :id and " + VISIBLE)
			.bind("id", id)
			.bind("staff", viewer.isStaff())
			.bind("viewer", viewer.id())
			.map(row -> new AttachmentContent(record(row), bytes(row, "data")))
			.one();
	}

	/** The attachments of a ticket that {@code viewer} may see, in upload order. */
	Flux<AttachmentRecord> findByTicket(UUID ticketId, CurrentUser viewer) {
		return db.sql("select " + COLUMNS + " from attachments a join tickets t on t.id = a.ticket_id"
				+ " where a.ticket_id = :ticketId and " + VISIBLE + " order by a.seq")
			.bind("ticketId", ticketId)
			.bind("staff", viewer.isStaff())
			.bind("viewer", viewer.id())
			.map(AttachmentRepository::record)
			.all();
	}

	Flux<AttachmentRecord> findByMessages(Collection<UUID> messageIds) {
		return db.sql("select " + COLUMNS + " from attachments a where a.message_id = any(:ids) order by a.seq")
			.bind("ids", messageIds.toArray(UUID[]::new))
			.map(AttachmentRepository::record)
			.all();
	}

	/**
	 * Gives the message every one of {@code ids} or none of them, in one statement: the rows must be this uploader's,
	 * on this ticket, not yet used, and not internal unless the message is. The rows are locked first, so of two
	 * messages racing for one attachment the second finds it used.
	 */
	Flux<AttachmentRecord> attach(UUID ticketId, UUID uploaderId, Collection<UUID> ids, UUID messageId,
			boolean internal) {
		return db.sql("""
				with wanted as (
				    select id from attachments
				    where id = any(:ids) and ticket_id = :ticketId and uploader_id = :uploaderId
				      and message_id is null and (:internal or not internal)
				    for update
				), complete as (
				    select count(*) = :count as ok from wanted
				)
				update attachments a set message_id = :messageId, internal = a.internal or :internal
				from complete
				where complete.ok and a.id in (select id from wanted)
				returning\s""" + COLUMNS)
			.bind("ids", ids.toArray(UUID[]::new))
			.bind("ticketId", ticketId)
			.bind("uploaderId", uploaderId)
			.bind("internal", internal)
			.bind("count", (long) ids.size())
			.bind("messageId", messageId)
			.map(AttachmentRepository::record)
			.all();
	}

	private static AttachmentRecord record(Readable row) {
		return new AttachmentRecord(row.get("id", UUID.class), row.get("seq", Long.class),
				row.get("ticket_id", UUID.class),
				row.get("uploader_id", UUID.class), row.get("message_id", UUID.class),
				Boolean.TRUE.equals(row.get("internal", Boolean.class)), row.get("filename", String.class),
				AttachmentType.ofMediaType(row.get("content_type", String.class)).orElseThrow(),
				row.get("size", Long.class), bytes(row, "sha256"), row.get("created_at", Instant.class));
	}

	private static byte[] bytes(Readable row, String column) {
		return row.get(column, byte[].class);
	}

}
