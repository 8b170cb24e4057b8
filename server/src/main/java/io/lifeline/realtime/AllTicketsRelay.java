package io.lifeline.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.postgresql.codec.Json;
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
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes the all-tickets stream ({@code tickets}, behind {@code /topic/tickets}) from the ticket events marked for
 * it, in batches, one relay at a time across all nodes (a transaction-scoped advisory lock). Ticket writers thus
 * queue only per ticket, not all on one row, and the all-tickets stream still has strictly increasing, gap-free
 * seqs, with each ticket's events in their own order.
 * <p>
 * It runs when a commit on this node marked something, and every {@link #TICK} in case another node's relay lost
 * the race for the lock or died mid-way: a marked event waits at most that long, and is never lost or copied twice
 * (the copy and the unmarking commit together).
 */
public class AllTicketsRelay implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AllTicketsRelay.class);

	static final Duration TICK = Duration.ofMillis(250);

	static final Duration RETRY_WHEN_LOCKED = Duration.ofMillis(10);

	static final int BATCH = 500;

	/** Our pg_advisory_xact_lock key: "LIFELINE" in ASCII. */
	static final long LOCK = 0x4c4946454c494e45L;

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	private final EventBus bus;

	private final JsonMapper json;

	private final Scheduler scheduler;

	private final AtomicInteger wanted = new AtomicInteger();

	private volatile Disposable ticking;

	public AllTicketsRelay(DatabaseClient db, TransactionalOperator transaction, EventBus bus, JsonMapper json,
			Scheduler scheduler) {
		this.db = db;
		this.transaction = transaction;
		this.bus = bus;
		this.json = json;
		this.scheduler = scheduler;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ticking = Flux.interval(TICK, scheduler).onBackpressureDrop().subscribe(tick -> wake());
	}

	/** Asks for a run; runs asked for while one is under way fold into one more run after it. */
	public void wake() {
		if (wanted.getAndIncrement() == 0) {
			run();
		}
	}

	private void run() {
		int seen = wanted.get();
		relayOnce().subscribe(copied -> {
			if (copied < 0) {
				Mono.delay(RETRY_WHEN_LOCKED, scheduler).subscribe(t -> wake());
			}
			after(seen, copied >= BATCH);
		}, ex -> {
			log.warn("Relaying ticket events to the all-tickets stream failed; the next tick retries", ex);
			after(seen, false);
		});
	}

	private void after(int seen, boolean more) {
		if (more || wanted.addAndGet(-seen) != 0) {
			run();
		}
	}

	/** One batch; emits how many events it copied, or -1 when another relay holds the lock. */
	Mono<Integer> relayOnce() {
		return db.sql("select pg_try_advisory_xact_lock(:lock) as locked")
			.bind("lock", LOCK)
			.map(row -> row.get("locked", Boolean.class))
			.one()
			.flatMap(locked -> locked ? copyBatch().map(Optional::of) : Mono.just(Optional.<List<LoggedEvent>>empty()))
			.as(transaction::transactional)
			.flatMap(copied -> copied.isEmpty() ? Mono.just(-1)
					: Flux.fromIterable(copied.get()).concatMap(bus::publish).then(Mono.just(copied.get().size())));
	}

	private Mono<List<LoggedEvent>> copyBatch() {
		return db.sql("select id from events where relay_pending order by id limit :batch for update")
			.bind("batch", BATCH)
			.map(row -> row.get("id", Long.class))
			.all()
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(List.<LoggedEvent>of()) : copy(ids));
	}

	private Mono<List<LoggedEvent>> copy(List<Long> ids) {
		return reserve(ids.size())
			.flatMapMany(base -> db.sql("""
					insert into events (stream, seq, type, ticket_id, audience, actor_id, at, data, relay_pending)
					select :stream, :base + u.ord, e.type, e.ticket_id, e.audience, e.actor_id, e.at, e.data, false
					from unnest(cast(:ids as bigint[])) with ordinality as u(id, ord)
					join events e on e.id = u.id
					returning seq, type, ticket_id, audience, at, data""")
				.bind("stream", Streams.TICKETS)
				.bind("base", base)
				.bind("ids", ids.toArray(Long[]::new))
				.map(row -> new LoggedEvent(new Event(row.get("seq", Long.class), Streams.TICKETS,
						row.get("type", String.class), row.get("at", Instant.class),
						row.get("ticket_id", UUID.class), json.readTree(row.get("data", Json.class).asString())),
						Audience.valueOf(row.get("audience", String.class)), bus.origin()))
				.all())
			.sort(Comparator.comparingLong(LoggedEvent::seq))
			.collectList()
			.flatMap(copied -> db.sql("update events set relay_pending = false where id = any(cast(:ids as bigint[]))")
				.bind("ids", ids.toArray(Long[]::new))
				.then()
				.thenReturn(copied));
	}

	/** Takes {@code count} consecutive seqs of the all-tickets stream; emits the one before the first. */
	private Mono<Long> reserve(int count) {
		return db.sql("""
				insert into event_streams (stream, last_seq) values (:stream, :count)
				on conflict (stream) do update set last_seq = event_streams.last_seq + :count
				returning last_seq""")
			.bind("stream", Streams.TICKETS)
			.bind("count", (long) count)
			.map(row -> row.get("last_seq", Long.class) - count)
			.one();
	}

	@Override
	public void destroy() {
		Disposable current = ticking;
		if (current != null) {
			current.dispose();
		}
	}

}
