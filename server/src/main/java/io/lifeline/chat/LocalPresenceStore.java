package io.lifeline.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Presence for a single node: in memory. */
final class LocalPresenceStore implements PresenceStore {

	private final Map<UUID, Map<String, Long>> tickets = new ConcurrentHashMap<>();

	@Override
	public Mono<Void> touch(UUID ticketId, Viewer viewer, String sessionId, long expiresAtMillis) {
		return Mono.fromRunnable(() -> tickets.computeIfAbsent(ticketId, id -> new ConcurrentHashMap<>())
			.put(viewer.member(sessionId), expiresAtMillis));
	}

	@Override
	public Mono<Void> remove(UUID ticketId, Viewer viewer, String sessionId) {
		return Mono.fromRunnable(() -> tickets.computeIfPresent(ticketId, (id, members) -> {
			members.remove(viewer.member(sessionId));
			return members.isEmpty() ? null : members;
		}));
	}

	@Override
	public Mono<List<Viewer>> viewers(UUID ticketId, long nowMillis) {
		return Mono.fromSupplier(() -> {
			Map<String, Long> members = tickets.getOrDefault(ticketId, Map.of());
			members.values().removeIf(expiresAt -> expiresAt <= nowMillis);
			return members.keySet().stream().map(Viewer::fromMember).distinct().toList();
		});
	}

}
