package io.lifeline.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.lifeline.realtime.EventBus;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Tells the cluster which staff are connected to this node ({@code agent_presence}): at once when someone comes or
 * goes, and every third of the TTL while they stay, so a node that dies stops vouching for its agents on its own.
 * Routing reads it; then asks the dispatcher to look at the queue, since an agent who arrives may take a ticket.
 */
@Component
class PresenceBeacon implements DisposableBean {

	private final DatabaseClient db;

	private final AgentPresence presence;

	private final Dispatcher dispatcher;

	private final RoutingProperties properties;

	private final Clock clock;

	private final String node;

	private Disposable running;

	PresenceBeacon(DatabaseClient db, AgentPresence presence, Dispatcher dispatcher, RoutingProperties properties,
			Clock clock, EventBus bus) {
		this.db = db;
		this.presence = presence;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.clock = clock;
		// Unique per process: with the in-process bus every node would call itself by the same name.
		this.node = bus.origin() + "-" + UUID.randomUUID();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Duration every = properties.presenceTtl().dividedBy(3);
		running = Flux.merge(presence.changes().map(user -> "change"), Flux.interval(Duration.ZERO, every).map(t -> "tick"))
			.onBackpressureLatest()
			.concatMap(why -> publish().onErrorResume(ex -> Mono.empty()).thenReturn(why), 1)
			.subscribe(why -> {
				if (why.equals("change")) {
					dispatcher.request();
				}
			});
	}

	private Mono<Void> publish() {
		Set<UUID> connected = presence.connectedUsers();
		UUID[] ids = connected.toArray(UUID[]::new);
		return db.sql("delete from agent_presence where node = :node and not (user_id = any(:ids))")
			.bind("node", node)
			.bind("ids", ids)
			.then()
			.then(ids.length == 0 ? Mono.empty() : db.sql("""
					insert into agent_presence (user_id, node, seen_at) select u, :node, :now from unnest(:ids) u
					on conflict (user_id, node) do update set seen_at = excluded.seen_at""")
				.bind("node", node)
				.bind("now", clock.instant())
				.bind("ids", ids)
				.then());
	}

	@Override
	public void destroy() {
		if (running != null) {
			running.dispose();
		}
		db.sql("delete from agent_presence where node = :node").bind("node", node).then()
			.onErrorResume(ex -> Mono.empty()).block(Duration.ofSeconds(2));
	}

}
