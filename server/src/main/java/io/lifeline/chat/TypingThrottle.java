package io.lifeline.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards at most one "is typing" per user and ticket every {@link #INTERVAL}; "stopped typing" always goes
 * through. Entries are dropped once stale, so the map holds only people typing now.
 */
final class TypingThrottle {

	static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final int SWEEP_ABOVE = 10_000;

	private final Clock clock;

	private final Map<String, Long> lastForwarded = new ConcurrentHashMap<>();

	TypingThrottle(Clock clock) {
		this.clock = clock;
	}

	boolean shouldForward(UUID userId, UUID ticketId, boolean typing) {
		String key = userId + "/" + ticketId;
		long now = clock.millis();
		if (!typing) {
			lastForwarded.remove(key);
			return true;
		}
		if (lastForwarded.size() > SWEEP_ABOVE) {
			lastForwarded.values().removeIf(at -> now - at > INTERVAL.toMillis());
		}
		Long previous = lastForwarded.get(key);
		if (previous != null && now - previous < INTERVAL.toMillis()) {
			return false;
		}
		lastForwarded.put(key, now);
		return true;
	}

}
