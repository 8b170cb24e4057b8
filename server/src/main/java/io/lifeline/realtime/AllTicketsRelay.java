package io.lifeline.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes the all-tickets stream ({@code tickets}, behind {@code /topic/tickets}) from the ticket events queued for
 * it ({@code all_tickets_queue}), in batches, one relay at a time across all nodes (a transaction-scoped advisory
 * lock). Ticket writers thus queue only per ticket, not all on one row, and the all-tickets stream still has strictly
 * increasing, gap-free seqs, with each ticket's events in their own order.
 * <p>
 * After a commit on this node it copies the queued events of the tickets that commit wrote to; every {@link #TICK}
 * it also sweeps the head of the whole queue, in case another node's relay lost the race for the lock or died
 * mid-way: a queued event waits at most that long, and is never lost or copied twice (the copy and the dequeue
 * commit together). Copying some tickets' events ahead of others' keeps each ticket's order: a ticket's events are
 * queued by writers that take its stream's lock in turn, so when one of them is visible all earlier ones are too,
 * and they are copied together, in queue order.
 */
public class AllTicketsRelay implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AllTicketsRelay.class);

	static final Duration TICK = Duration.ofMillis(250);

	static final Duration RETRY_WHEN_LOCKED = Duration.ofMillis(10);

	static final int BATCH = 500;

	/** Our pg_advisory_xact_lock key: "LIFELINE" in ASCII. */
	static final long LOCK = 0x4c4946454c494e45L;

	private final DatabaseClient db;

	private final EventBus bus;

	private final JsonMapper json;

	private final Scheduler scheduler;

	private final AtomicInteger wanted = new AtomicInteger();

	/** Ticket streams with events queued by commits on this node, not yet copied. */
	private final Set<String> written = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean sweep = new AtomicBoolean();

	private volatile Disposable ticking;

	public AllTicketsRelay(DatabaseClient db, EventBus bus, JsonMapper json, Scheduler scheduler) {
		this.db = db;
		this.bus = bus;
		this.json = json;
		this.scheduler = scheduler;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ticking = Flux.interval(TICK, scheduler).onBackpressureDrop().subscribe(tick -> {
			sweep.set(true);
			wake();
		});
	}

	/** A commit queued events of these ticket streams: copy them soon. */
	public void wake(Collection<String> streams) {
		written.addAll(streams);
		wake();
	}

	/** Asks for a run; runs asked for while one is under way fold into one more run after it. */
	private void wake() {
		if (wanted.getAndIncrement() == 0) {
			run();
		}
	}

	private void run() {
		int seen = wanted.get();
		boolean sweeping = sweep.getAndSet(false);
		List<String> streams = sweeping ? null : takeWritten();
		if (!sweeping && streams.isEmpty()) {
			after(seen, false);
			return;
		}
		relayOnce(streams).subscribe(copied -> {
			boolean again = copied < 0 || copied >= BATCH;
			if (again) {
				giveBack(sweeping, streams);
			}
			if (copied < 0) {
				Mono.delay(RETRY_WHEN_LOCKED, scheduler).subscribe(t -> wake());
			}
			after(seen, copied >= BATCH);
		}, ex -> {
			log.warn("Relaying ticket events to the all-tickets stream failed; the next tick retries", ex);
			after(seen, false);
		});
	}

	private List<String> takeWritten() {
		List<String> streams = new ArrayList<>();
		for (Iterator<String> it = written.iterator(); it.hasNext();) {
			streams.add(it.next());
			it.remove();
		}
		return streams;
	}

	private void giveBack(boolean sweeping, List<String> streams) {
		if (sweeping) {
			sweep.set(true);
		}
		else {
			written.addAll(streams);
		}
	}

	private void after(int seen, boolean more) {
		if (more || wanted.addAndGet(-seen) != 0) {
			run();
		}
	}

	/**
	 * One batch, of these streams' queued events or, with null, of the head of the whole queue; emits how many
	 * events it copied, or -1 when another relay holds the lock.
	 */
	Mono<Integer> relayOnce(List<String> streams) {
		return copyBatch(streams)
			.collectList()
			.flatMap(rows -> {
				if (!rows.get(0).locked()) {
					return Mono.just(-1);
				}
				List<LoggedEvent> copied = rows.stream()
					.map(Copied::event)
					.filter(Objects::nonNull)
					.sorted(Comparator.comparingLong(LoggedEvent::seq))
					.toList();
				return bus.publishAll(copied).then(Mono.just(copied.size()));
			});
	}

	/**
	 * Takes the oldest queued events (of some streams, or of all) off the queue and appends copies of them to the
	 * all-tickets stream, with the next consecutive seqs in queue order. One statement, run on its own (its own
	 * transaction), so the lock, the copies, the seqs and the dequeue commit together in one round trip. Emits one
	 * row per copy, or a single row without one when there was nothing to copy or the lock was taken.
	 */
	private Flux<Copied> copyBatch(List<String> streams) {
		String oldest = streams == null ? "select id from all_tickets_queue order by id limit :batch"
				: "select id from all_tickets_queue where stream = any(:streams) order by id limit :batch";
		DatabaseClient.GenericExecuteSpec copy = db.sql("""
				with lock as (
					select pg_try_advisory_xact_lock(:lock) as locked
				), taken as (
					delete from all_tickets_queue
					where (select locked from lock) and id = any(array(%s))
					returning id, stream, seq
				), counted as (
					select count(*) as n from taken
				), reserved as (
					insert into event_streams (stream, last_seq)
					select :stream, n from counted where n > 0
					on conflict (stream) do update set last_seq = event_streams.last_seq + excluded.last_seq
					returning last_seq
				), copied as (
					insert into events (stream, seq, type, ticket_id, audience, actor_id, at, data)
					select :stream, r.last_seq - c.n + row_number() over (order by t.id), e.type, e.ticket_id,
							e.audience, e.actor_id, e.at, e.data
					from taken t
					join events e on e.stream = t.stream and e.seq = t.seq
					cross join reserved r
					cross join counted c
					returning seq, type, ticket_id, audience, at, data
				)
				select l.locked, c.* from lock l left join copied c on true""".formatted(oldest))
			.bind("lock", LOCK)
			.bind("stream", Streams.TICKETS)
			.bind("batch", BATCH);
		if (streams != null) {
			copy = copy.bind("streams", streams.toArray(String[]::new));
		}
		return copy.map(this::copied).all();
	}

	private Copied copied(Readable row) {
		boolean locked = Boolean.TRUE.equals(row.get("locked", Boolean.class));
		Long seq = row.get("seq", Long.class);
		if (seq == null) {
			return new Copied(locked, null);
		}
		Event event = new Event(seq, Streams.TICKETS, row.get("type", String.class), row.get("at", Instant.class),
				row.get("ticket_id", UUID.class), json.readTree(row.get("data", Json.class).asString()));
		return new Copied(locked, new LoggedEvent(event, Audience.valueOf(row.get("audience", String.class)),
				bus.origin()));
	}

	/** A row of {@link #copyBatch}: whether it held the lock, and the copy it made, if any. */
	private record Copied(boolean locked, LoggedEvent event) {
	}

	@Override
	public void destroy() {
		Disposable current = ticking;
		if (current != null) {
			current.dispose();
		}
	}

}
