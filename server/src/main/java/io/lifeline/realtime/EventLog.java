package io.lifeline.realtime;

import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The durable event log in PostgreSQL: the truth that live delivery, replay ({@code resume-after}), gap filling and
 * the timeline are all read from.
 * <p>
 * {@link #append} must run inside the transaction of the change it records. It takes the stream's next sequence
 * number from {@code event_streams} under a row lock held until that transaction ends, so sequence numbers are
 * handed out in commit order, a rolled-back change gives its number back, and a stream never has a gap.
 */
@Component
public class EventLog {

	private final DatabaseClient db;

	private final JsonMapper json;

	EventLog(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Appends the event to one stream; emits its sequence number there. */
	public Mono<Long> append(String stream, NewEvent event) {
		Json data = Json.of(json.writeValueAsString(event.data()));
		return nextSeq(stream).flatMap(seq -> {
			DatabaseClient.GenericExecuteSpec insert = db.sql("""
					insert into events (stream, seq, type, ticket_id, audience, actor_id, at, data)
					values (:stream, :seq, :type, :ticketId, :audience, :actorId, :at, :data)""")
				.bind("stream", stream)
				.bind("seq", seq)
				.bind("type", event.type())
				.bind("audience", event.audience().name())
				.bind("at", event.at())
				.bind("data", data);
			insert = bindNullable(insert, "ticketId", event.ticketId());
			insert = bindNullable(insert, "actorId", event.actorId());
			return insert.then().thenReturn(seq);
		});
	}

	/** A ticket event goes to the ticket's own stream and to the all-tickets stream; emits its seq in the former. */
	public Mono<Long> appendTicketEvent(NewEvent event) {
		return append(Streams.ticket(event.ticketId()), event)
			.flatMap(seq -> append(Streams.TICKETS, event).thenReturn(seq));
	}

	/** Events of a stream after {@code afterSeq}, oldest first, leaving out those the audience may not see. */
	public Flux<Event> read(String stream, long afterSeq, Audience audience, int limit) {
		String audienceFilter = audience == Audience.ALL ? " and audience = 'ALL'" : "";
		return db.sql("select stream, seq, type, ticket_id, at, data from events where stream = :stream "
				+ "and seq > :afterSeq" + audienceFilter + " order by seq limit :limit")
			.bind("stream", stream)
			.bind("afterSeq", afterSeq)
			.bind("limit", limit)
			.map(this::event)
			.all();
	}

	private Mono<Long> nextSeq(String stream) {
		return db.sql("""
				insert into event_streams (stream, last_seq) values (:stream, 1)
				on conflict (stream) do update set last_seq = event_streams.last_seq + 1
				returning last_seq""")
			.bind("stream", stream)
			.map(row -> row.get("last_seq", Long.class))
			.one();
	}

	private Event event(Readable row) {
		return new Event(row.get("seq", Long.class), row.get("stream", String.class), row.get("type", String.class),
				row.get("at", java.time.Instant.class), row.get("ticket_id", UUID.class),
				json.readTree(row.get("data", Json.class).asString()));
	}

	private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
			UUID value) {
		return value == null ? spec.bindNull(name, UUID.class) : spec.bind(name, value);
	}

}
