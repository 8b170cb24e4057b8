package io.lifeline.routing;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.stomp.SubscriptionListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Which staff have a live STOMP session on this node: one with any subscription counts (every console subscribes
 * on connect), and a closed session unsubscribes everything. Tells {@link #changes()} when someone comes or goes.
 */
@Component
class AgentPresence implements SubscriptionListener {

	/** user -> "session|stream" entries. */
	private final Map<UUID, Set<String>> live = new ConcurrentHashMap<>();

	private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();

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
			changes.emitNext(user.id(), Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
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
			changes.emitNext(user.id(), Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
		}
	}

	/** The staff with a live session on this node now. */
	Set<UUID> connectedUsers() {
		return Set.copyOf(live.keySet());
	}

	boolean connected(UUID userId) {
		return live.containsKey(userId);
	}

	Flux<UUID> changes() {
		return changes.asFlux();
	}

}
