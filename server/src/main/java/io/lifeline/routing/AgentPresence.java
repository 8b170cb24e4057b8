package io.lifeline.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventBus;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.LoggedEvent;
import io.lifeline.realtime.stomp.SubscriptionListener;
import io.lifeline.system.BackgroundFlow;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Which staff have a live STOMP session anywhere in the cluster. Each node tracks its own sessions (one with any
 * subscription counts: every console subscribes on connect, a closed session unsubscribes everything) and announces
 * its set on the event bus as an ephemeral {@code agents.presence} event, when it changes and every
 * {@link #ANNOUNCE_EVERY}; a node's announcement lapses after {@link #ANNOUNCEMENT_TTL}, so a crashed node's agents
 * go offline by themselves. Status changes made on one node are announced the same way ({@code agents.status}).
 */
@Component
class AgentPresence extends BackgroundFlow implements SubscriptionListener {

	static final String STREAM = "agents";

	static final String PRESENCE = "agents.presence";

	static final String STATUS = "agents.status";

	static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(10);

	static final Duration ANNOUNCEMENT_TTL = Duration.ofSeconds(30);

	/** user -> "session|stream" entries, this node. */
	private final Map<UUID, Set<String>> live = new ConcurrentHashMap<>();

	/** node -> the staff it last announced, other nodes. */
	private final Map<String, Announcement> elsewhere = new ConcurrentHashMap<>();

	private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();

	private final EventLog events;

	private final EventBus bus;

	private final Clock clock;

	AgentPresence(EventLog events, EventBus bus, Clock clock) {
		this.events = events;
		this.bus = bus;
		this.clock = clock;
	}

	@Override
	public void subscribed(CurrentUser user, String sessionId, String stream) {
		if (!user.isStaff()) {
			return;
		}
		boolean[] arrived = { false };
		live.compute(user.id(), (id, entries) -> {
			Set<String> set = entries == null ? ConcurrentHashMap.newKeySet() : entries;
			arrived[0] = set.isEmpty();
			set.add(sessionId + "|" + stream);
			return set;
		});
		if (arrived[0]) {
			changed(user.id());
			announce().subscribe();
		}
	}

	@Override
	public void unsubscribed(CurrentUser user, String sessionId, String stream) {
		if (!user.isStaff()) {
			return;
		}
		boolean[] left = { false };
		live.computeIfPresent(user.id(), (id, set) -> {
			set.remove(sessionId + "|" + stream);
			left[0] = set.isEmpty();
			return set.isEmpty() ? null : set;
		});
		if (left[0]) {
			changed(user.id());
			announce().subscribe();
		}
	}

	/** The staff with a live session on any node now. */
	Set<UUID> connectedAnywhere() {
		Set<UUID> all = new HashSet<>(live.keySet());
		long now = clock.millis();
		elsewhere.values().stream().filter(node -> node.until() > now).forEach(node -> all.addAll(node.staff()));
		return all;
	}

	boolean connected(UUID userId) {
		if (live.containsKey(userId)) {
			return true;
		}
		long now = clock.millis();
		return elsewhere.values().stream().anyMatch(node -> node.until() > now && node.staff().contains(userId));
	}

	/** Who came or went, or changed status, on any node. */
	Flux<UUID> changes() {
		return changes.asFlux();
	}

	/** Tells this node's listeners and every other node that someone's status changed. */
	void statusChanged(UUID userId) {
		changed(userId);
		events.sendEphemeral(STREAM, STATUS, null, Audience.AGENTS, Map.of("userId", userId))
			.onErrorResume(ex -> Mono.empty())
			.subscribe();
	}

	@Override
	protected Disposable run() {
		return Flux.merge(bus.events().filter(event -> STREAM.equals(event.stream())).doOnNext(this::heard),
				Flux.interval(ANNOUNCE_EVERY).onBackpressureDrop().concatMap(tick -> announce()))
			.subscribe();
	}

	private Mono<Void> announce() {
		List<String> staff = live.keySet().stream().map(UUID::toString).toList();
		return events
			.sendEphemeral(STREAM, PRESENCE, null, Audience.AGENTS,
					Map.of("node", bus.origin(), "staff", staff, "expiresInMs", ANNOUNCEMENT_TTL.toMillis()))
			.onErrorResume(ex -> Mono.empty());
	}

	private void heard(LoggedEvent logged) {
		if (bus.origin().equals(logged.origin())) {
			return;
		}
		JsonNode data = logged.event().data();
		if (STATUS.equals(logged.event().type())) {
			changed(UUID.fromString(data.get("userId").asString()));
			return;
		}
		if (!PRESENCE.equals(logged.event().type())) {
			return;
		}
		Set<UUID> staff = new HashSet<>();
		data.get("staff").forEach(id -> staff.add(UUID.fromString(id.asString())));
		Announcement before = elsewhere.put(data.get("node").asString(),
				new Announcement(Set.copyOf(staff), clock.millis() + data.get("expiresInMs").asLong()));
		Set<UUID> moved = new HashSet<>(staff);
		if (before != null) {
			moved.addAll(before.staff());
			moved.removeIf(id -> before.staff().contains(id) && staff.contains(id));
		}
		moved.forEach(this::changed);
	}

	private void changed(UUID userId) {
		changes.emitNext(userId, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
	}

	private record Announcement(Set<UUID> staff, long until) {
	}

}
