package io.lifeline.realtime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * The durable event log in PostgreSQL: the truth that live delivery, replay ({@code resume-after}), gap filling and
 * the timeline are all read from.
 * <p>
 * {@link #append} must run inside the transaction of the change it records. It takes the stream's next sequence
 * number from {@code event_streams} under a row lock held until that transaction ends, so sequence numbers are
 * handed out in commit order, a rolled-back change gives its number back, and a stream never has a gap. Appended
 * events go to the {@link EventBus} only once their transaction has committed; if that hand-over is lost (a crash,
 * Redis down) every node still finds them here. The all-tickets stream is the exception to "one transaction": every
 * ticket writer would queue on its one row, so ticket events are queued for it ({@code all_tickets_queue}, in the
 * same transaction) and {@link AllTicketsRelay} copies them over in batches right after they commit.
 */
@Component
public class EventLog {

	private final DatabaseClient db;

	private final JsonMapper json;

	private final EventBus bus;

	private final String node;

	private final Clock clock;

	private final AllTicketsRelay relay;

	EventLog(DatabaseClient db, JsonMapper json, EventBus bus, Clock clock, AllTicketsRelay relay) {
		this.db = db;
		this.json = json;
		this.bus = bus;
		this.node = bus.origin();
		this.clock = clock;
		this.relay = relay;
	}

	/** Appends the event to one stream; emits its sequence number there. */
	public Mono<Long> append(String stream, NewEvent event) {
		return reserve(stream).flatMap(seq -> write(stream, seq, event).thenReturn(seq));
	}

	/**
	 * Appends a ticket event to the ticket's own stream, queued for the all-tickets stream, which the
	 * {@link AllTicketsRelay} writes shortly after this transaction commits; emits its seq in the ticket's stream.
	 */
	public Mono<Long> appendTicketEvent(NewEvent event) {
		String stream = Streams.ticket(event.ticketId());
		return reserve(stream).flatMap(seq -> write(stream, seq, event, true).thenReturn(seq));
	}

	/**
	 * Takes a stream's next seq, for a feature that must store it with its own row before the event is written
	 * with {@link #write}, in the same transaction. From here to commit the stream's writers queue behind this one.
	 */
	public Mono<Long> reserve(String stream) {
		return nextSeq(stream);
	}

	/** Writes an event at a seq {@link #reserve reserved} in this transaction. */
	public Mono<Void> write(String stream, long seq, NewEvent event) {
		return write(stream, seq, event, false);
	}

	/**
	 * Writes an event at a seq {@link #reserve reserved} in this transaction; with {@code forAllTickets}, the
	 * {@link AllTicketsRelay} also copies it to the all-tickets stream once this transaction commits.
	 */
	public Mono<Void> write(String stream, long seq, NewEvent event, boolean forAllTickets) {
		return writeAll(List.of(new Reserved(stream, seq, event, forAllTickets)));
	}

	/**
	 * Takes the next {@code counts.get(stream)} seqs of each stream, in one statement; emits, per stream, the seq
	 * before the first one taken. Streams are locked in name order (Java's, not the database's collation), the
	 * order every writer of several streams takes them in, so two such writers never deadlock.
	 */
	public Mono<Map<String, Long>> reserveAll(Map<String, Integer> counts) {
		List<String> streams = counts.keySet().stream().sorted().toList();
		return db.sql("""
				insert into event_streams (stream, last_seq)
				select u.stream, u.count
				from unnest(cast(:streams as text[]), cast(:counts as bigint[])) with ordinality as u(stream, count, ord)
				order by u.ord
				on conflict (stream) do update set last_seq = event_streams.last_seq + excluded.last_seq
				returning stream, last_seq""")
			.bind("streams", streams.toArray(String[]::new))
			.bind("counts", streams.stream().map(stream -> (long) counts.get(stream)).toArray(Long[]::new))
			.map(row -> {
				String stream = row.get("stream", String.class);
				return Map.entry(stream, row.get("last_seq", Long.class) - counts.get(stream));
			})
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Writes events at seqs {@link #reserve reserved} in this transaction, in one statement; each goes to the bus
	 * once the transaction commits (and to the all-tickets stream, through the relay, if marked for it).
	 */
	public Mono<Void> writeAll(List<Reserved> reserved) {
		if (reserved.isEmpty()) {
			return Mono.empty();
		}
		int size = reserved.size();
		String[] streams = new String[size];
		Long[] seqs = new Long[size];
		String[] types = new String[size];
		UUID[] ticketIds = new UUID[size];
		String[] audiences = new String[size];
		UUID[] actorIds = new UUID[size];
		Instant[] ats = new Instant[size];
		String[] data = new String[size];
		Boolean[] forAllTickets = new Boolean[size];
		List<LoggedEvent> logged = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			Reserved one = reserved.get(i);
			NewEvent event = one.event();
			JsonNode tree = json.valueToTree(event.data());
			streams[i] = one.stream();
			seqs[i] = one.seq();
			types[i] = event.type();
			ticketIds[i] = event.ticketId();
			audiences[i] = event.audience().name();
			actorIds[i] = event.actorId();
			ats[i] = event.at();
			data[i] = json.writeValueAsString(tree);
			forAllTickets[i] = one.forAllTickets();
			logged.add(new LoggedEvent(new Event(one.seq(), one.stream(), event.type(), event.at(), event.ticketId(),
					tree), event.audience(), node));
		}
		// Events and the all-tickets queue in one statement; the queue's ids follow each stream's seqs.
		return db.sql("""
				with u as (
					select * from unnest(cast(:streams as text[]), cast(:seqs as bigint[]), cast(:types as text[]),
							cast(:ticketIds as uuid[]), cast(:audiences as text[]), cast(:actorIds as uuid[]),
							cast(:ats as timestamptz[]), cast(:data as jsonb[]), cast(:forAllTickets as boolean[]))
						with ordinality
						as u(stream, seq, type, ticket_id, audience, actor_id, at, data, for_all_tickets, ord)
				), written as (
					insert into events (stream, seq, type, ticket_id, audience, actor_id, at, data)
					select stream, seq, type, ticket_id, audience, actor_id, at, data from u
				)
				insert into all_tickets_queue (stream, seq)
				select stream, seq from u where for_all_tickets order by ord""")
			.bind("streams", streams)
			.bind("seqs", seqs)
			.bind("types", types)
			.bind("ticketIds", ticketIds)
			.bind("audiences", audiences)
			.bind("actorIds", actorIds)
			.bind("ats", ats)
			.bind("data", data)
			.bind("forAllTickets", forAllTickets)
			.then()
			.then(publishAfterCommit(logged, reserved.stream()
				.filter(Reserved::forAllTickets)
				.map(Reserved::stream)
				.collect(Collectors.toSet())));
	}

	/** Sends an ephemeral event (typing, presence): straight to the bus, never stored. */
	public Mono<Void> sendEphemeral(String stream, String type, UUID ticketId, Audience audience, Object data) {
		Event event = Event.ephemeral(stream, type, clock.instant(), ticketId, json.valueToTree(data));
		return bus.publish(new LoggedEvent(event, audience, node));
	}

	/** Events of a stream after {@code afterSeq}, oldest first, leaving out those the audience may not see. */
	public Flux<Event> read(String stream, long afterSeq, Audience audience, int limit) {
		return range(stream, afterSeq, Long.MAX_VALUE, limit)
			.filter(logged -> audience == Audience.AGENTS || logged.audience() == Audience.ALL)
			.map(LoggedEvent::event);
	}

	/** Every event of a stream with {@code after < seq <= upTo}, oldest first, at most {@code limit}. */
	Flux<LoggedEvent> range(String stream, long after, long upTo, int limit) {
		return db.sql("select stream, seq, type, ticket_id, audience, at, data from events where stream = :stream "
				+ "and seq > :after and seq <= :upTo order by seq limit :limit")
			.bind("stream", stream)
			.bind("after", after)
			.bind("upTo", upTo)
			.bind("limit", limit)
			.map(this::logged)
			.all();
	}

	/** The last seq of each named stream that has one. */
	Mono<Map<String, Long>> heads(Collection<String> streams) {
		return db.sql("select stream, last_seq from event_streams where stream = any(:streams)")
			.bind("streams", streams.toArray(String[]::new))
			.map(row -> Map.entry(row.get("stream", String.class), row.get("last_seq", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The last seq of a stream; 0 for one that has none yet. */
	public Mono<Long> head(String stream) {
		return heads(List.of(stream)).map(heads -> heads.getOrDefault(stream, 0L));
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

	/**
	 * Queues the events for the bus once the current transaction commits (at once, without one), and then wakes the
	 * all-tickets relay for the streams with events for it.
	 */
	private Mono<Void> publishAfterCommit(List<LoggedEvent> logged, Set<String> forAllTickets) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.flatMap(transaction -> {
				if (!transaction.isSynchronizationActive()) {
					return publishNow(logged, forAllTickets);
				}
				PublishOnCommit pending = (PublishOnCommit) transaction.getResource(this);
				if (pending == null) {
					pending = new PublishOnCommit();
					transaction.bindResource(this, pending);
					transaction.registerSynchronization(pending);
				}
				pending.add(logged, forAllTickets);
				return Mono.<Void>empty();
			})
			.onErrorResume(NoTransactionException.class, ex -> publishNow(logged, forAllTickets));
	}

	private Mono<Void> publishNow(List<LoggedEvent> logged, Set<String> forAllTickets) {
		return bus.publishAll(logged).then(Mono.fromRunnable(() -> {
			if (!forAllTickets.isEmpty()) {
				relay.wake(forAllTickets);
			}
		}));
	}

	private LoggedEvent logged(Readable row) {
		Event event = new Event(row.get("seq", Long.class), row.get("stream", String.class),
				row.get("type", String.class), row.get("at", Instant.class), row.get("ticket_id", UUID.class),
				json.readTree(row.get("data", Json.class).asString()));
		return new LoggedEvent(event, Audience.valueOf(row.get("audience", String.class)), node);
	}

	/** An event and the seq {@link #reserve reserved} for it in its stream. */
	public record Reserved(String stream, long seq, NewEvent event, boolean forAllTickets) {
	}

	private final class PublishOnCommit implements TransactionSynchronization {

		private final List<LoggedEvent> events = new ArrayList<>();

		private final Set<String> forAllTickets = new HashSet<>();

		void add(List<LoggedEvent> logged, Set<String> alsoForAllTickets) {
			events.addAll(logged);
			forAllTickets.addAll(alsoForAllTickets);
		}

		@Override
		public Mono<Void> afterCommit() {
			return publishNow(events, forAllTickets);
		}

	}

}
