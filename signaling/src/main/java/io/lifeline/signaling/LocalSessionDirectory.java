package io.lifeline.signaling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** The session directory of a single node: in memory. */
public final class LocalSessionDirectory implements SessionDirectory {

	static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration keep;

	public LocalSessionDirectory(Clock clock, Duration keep) {
		this.clock = clock;
		this.keep = keep;
	}

	@Override
	public Mono<Arrival> arrive(String sessionId, ParticipantRole role, String socketId) {
		return Mono.fromSupplier(() -> {
			Entry entry = touch(sessionId);
			synchronized (entry) {
				entry.sockets.put(role, socketId);
				return new Arrival(entry.sockets.containsKey(role.other()), Optional.ofNullable(entry.closure),
						Optional.ofNullable(entry.scopes));
			}
		});
	}

	@Override
	public Mono<Boolean> leave(String sessionId, ParticipantRole role, String socketId) {
		return Mono.fromSupplier(() -> {
			Entry entry = sessions.get(sessionId);
			if (entry == null) {
				return false;
			}
			synchronized (entry) {
				return entry.sockets.remove(role, socketId);
			}
		});
	}

	@Override
	public Mono<Void> close(String sessionId, Closure closure) {
		return Mono.fromRunnable(() -> {
			Entry entry = touch(sessionId);
			synchronized (entry) {
				entry.closure = closure;
			}
		});
	}

	@Override
	public Mono<Void> narrow(String sessionId, Set<Scope> scopes) {
		return Mono.fromRunnable(() -> {
			Entry entry = touch(sessionId);
			synchronized (entry) {
				entry.scopes = Set.copyOf(scopes);
			}
		});
	}

	private Entry touch(String sessionId) {
		Instant now = clock.instant();
		if (sessions.size() > SWEEP_ABOVE) {
			sessions.values().removeIf(entry -> entry.keepUntil.isBefore(now));
		}
		Entry entry = sessions.computeIfAbsent(sessionId, id -> new Entry());
		entry.keepUntil = now.plus(keep);
		return entry;
	}

	private static final class Entry {

		final Map<ParticipantRole, String> sockets = new EnumMap<>(ParticipantRole.class);

		volatile Instant keepUntil = Instant.MIN;

		Closure closure;

		Set<Scope> scopes;

	}

}
