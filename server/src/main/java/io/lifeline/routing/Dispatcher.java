package io.lifeline.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lifeline.tickets.Priority;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Works the queue: every open, unassigned ticket in priority then age order goes to the agent {@link Matching}
 * picks, or waits. Runs on request (a ticket opened, an agent freed, arrived or changed) and every
 * {@code interval} on every node; requests while a pass runs fold into one more pass. A pass holds a
 * transaction-scoped advisory lock, so across the cluster one pass runs at a time and no ticket is assigned twice;
 * each assignment also re-checks its locked ticket row, so a person who assigned it first wins.
 */
@Component
class Dispatcher implements DisposableBean {

	/** The advisory lock key of a routing pass ("routing" in ASCII). */
	static final long LOCK = 0x726f7574696e67L;

	static final int BATCH = 200;

	private static final Log log = LogFactory.getLog(Dispatcher.class);

	private final DatabaseClient db;

	private final RoutingTickets tickets;

	private final TransactionalOperator transaction;

	private final RoutingProperties properties;

	private final Clock clock;

	private final AgentPresence presence;

	private final Sinks.Many<Boolean> requests = Sinks.many().unicast().onBackpressureBuffer();

	private Disposable running;

	Dispatcher(DatabaseClient db, RoutingTickets tickets, TransactionalOperator transaction,
			RoutingProperties properties, Clock clock, AgentPresence presence) {
		this.presence = presence;
		this.db = db;
		this.tickets = tickets;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!properties.autoAssign()) {
			return;
		}
		// An agent who arrives, or changes status anywhere, may take a waiting ticket.
		running = Flux.merge(requests.asFlux(), presence.changes().map(user -> true),
				Flux.interval(properties.interval()).map(tick -> true))
			.onBackpressureLatest()
			.concatMap(request -> pass().onErrorResume(ex -> {
				log.warn("Routing pass failed; the next one retries", ex);
				return Mono.just(0);
			}), 1)
			.subscribe();
		request();
	}

	/** Asks for a pass soon; many requests while one runs make one more. */
	void request() {
		if (properties.autoAssign()) {
			requests.emitNext(true, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
		}
	}

	/** One pass over the queue; emits how many tickets it assigned. */
	Mono<Integer> pass() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return db.sql("select pg_advisory_xact_lock(:key)").bind("key", LOCK).then()
			.then(Mono.zip(queue(), candidates(now)))
			.flatMap(found -> assign(found.getT1(), new ArrayList<>(found.getT2()), now))
			.as(transaction::transactional);
	}

	private Mono<Integer> assign(List<QueuedTicket> queue, List<Candidate> candidates, Instant now) {
		if (queue.isEmpty() || candidates.isEmpty()) {
			return Mono.just(0);
		}
		return Flux.fromIterable(queue).concatMap(ticket -> {
			var choice = Matching.choose(ticket, candidates);
			if (choice.isEmpty()) {
				return Mono.just(0);
			}
			Candidate agent = choice.get().agent();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("skills", List.copyOf(choice.get().skills()));
			details.put("load", agent.load());
			details.put("capacity", agent.capacity());
			details.put("tier", agent.tier());
			details.put("resolutionRate", agent.resolutionRate());
			return tickets.assignIfUnassigned(ticket.id(), agent.id(), choice.get().reason(ticket.priority()), details,
					now)
				.flatMap(assigned -> {
					if (!assigned) {
						return Mono.just(0);
					}
					candidates.replaceAll(c -> c.id().equals(agent.id()) ? c.withOneMore(now) : c);
					return db.sql("""
							insert into agent_profiles (user_id, capacity, updated_at, last_assigned_at)
							values (:id, :capacity, :at, :at)
							on conflict (user_id) do update set last_assigned_at = excluded.last_assigned_at""")
						.bind("at", now)
						.bind("id", agent.id())
						.bind("capacity", agent.capacity())
						.then()
						.thenReturn(1);
				});
		}).reduce(0, Integer::sum);
	}

	private Mono<List<QueuedTicket>> queue() {
		return db.sql("""
				select id, priority, created_at, tags, intake->>'module' as module, intake->>'faultType' as fault_type
				from tickets where assignee_id is null and status in ('NEW', 'OPEN')
				order by priority, created_at, number limit :limit""")
			.bind("limit", BATCH)
			.map(row -> {
				Set<String> wants = new HashSet<>();
				Arrays.stream(row.get("tags", String[].class)).map(Dispatcher::skill).forEach(wants::add);
				String module = row.get("module", String.class);
				String fault = row.get("fault_type", String.class);
				if (module != null) {
					wants.add(skill(module));
				}
				if (fault != null) {
					wants.add(skill(fault));
				}
				return new QueuedTicket(row.get("id", UUID.class), Priority.valueOf(row.get("priority", String.class)),
						row.get("created_at", Instant.class), wants);
			})
			.all()
			.collectList();
	}

	/**
	 * Agents who may take a ticket now: a profile with room, status AVAILABLE (BUSY, AWAY and OFFLINE take none),
	 * and a live session on some node.
	 */
	private Mono<List<Candidate>> candidates(Instant now) {
		return db.sql("""
				select u.id as user_id, coalesce(p.skills, '{}') as skills, coalesce(p.tier, 1) as tier,
				       coalesce(p.capacity, :defaultCapacity) as capacity, p.last_assigned_at,
				       (select count(*) from tickets t where t.assignee_id = u.id
				          and t.status not in ('SOLVED', 'CLOSED')) as load,
				       (select count(*) from tickets t where t.assignee_id = u.id and t.solved_at >= :since) as solved
				from users u
				left join agent_profiles p on p.user_id = u.id
				left join agent_status s on s.user_id = u.id
				where u.role = 'AGENT' and coalesce(s.status, 'AVAILABLE') = 'AVAILABLE'
				  and coalesce(p.capacity, :defaultCapacity) > 0
				  and u.id = any(:connected)""")
			.bind("defaultCapacity", AgentProfile.DEFAULT_CAPACITY)
			.bind("since", now.minus(properties.resolutionWindow()))
			.bind("connected", presence.connectedAnywhere().toArray(UUID[]::new))
			.map(row -> {
				long load = row.get("load", Long.class);
				long solved = row.get("solved", Long.class);
				Set<String> skills = new HashSet<>();
				Arrays.stream(row.get("skills", String[].class)).map(Dispatcher::skill).forEach(skills::add);
				return new Candidate(row.get("user_id", UUID.class), skills, row.get("tier", Integer.class),
						row.get("capacity", Integer.class), (int) load,
						solved + load == 0 ? 0 : (double) solved / (solved + load),
						row.get("last_assigned_at", Instant.class));
			})
			.all()
			.collectList();
	}

	static String skill(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public void destroy() {
		if (running != null) {
			running.dispose();
		}
	}

}
