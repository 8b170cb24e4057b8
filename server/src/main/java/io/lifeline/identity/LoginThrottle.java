package io.lifeline.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address over a sliding window. Past either limit every attempt
 * is refused until the oldest counted failure leaves the window, so guessing a password costs hours, not seconds.
 * State is per node: behind a load balancer each node enforces the limits on what it sees.
 */
class LoginThrottle {

	/** Above this many tracked keys, expired ones are swept so made-up usernames cannot grow memory forever. */
	static final int SWEEP_ABOVE_KEYS = 10_000;

	private final SecurityProperties.Login limits;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(SecurityProperties.Login limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/** How long the caller must wait before trying again, if they are over a limit now. */
	Optional<Duration> retryAfter(String username, String address) {
		Instant now = clock.instant();
		return longest(wait(userKey(username), limits.maxFailuresPerUsername(), now),
				wait(addressKey(address), limits.maxFailuresPerAddress(), now));
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		record(userKey(username), limits.maxFailuresPerUsername(), now);
		record(addressKey(address), limits.maxFailuresPerAddress(), now);
		if (failures.size() > SWEEP_ABOVE_KEYS) {
			failures.entrySet().removeIf(entry -> {
				synchronized (entry.getValue()) {
					prune(entry.getValue(), now);
					return entry.getValue().isEmpty();
				}
			});
		}
	}

	void succeeded(String username) {
		failures.remove(userKey(username));
	}

	private Optional<Duration> wait(String key, int max, Instant now) {
		Deque<Instant> log = failures.get(key);
		if (log == null) {
			return Optional.empty();
		}
		synchronized (log) {
			prune(log, now);
			if (log.size() < max) {
				return Optional.empty();
			}
			return Optional.of(Duration.between(now, log.peekFirst().plus(limits.window())));
		}
	}

	private void record(String key, int max, Instant now) {
		Deque<Instant> log = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (log) {
			prune(log, now);
			log.addLast(now);
			while (log.size() > max) {
				log.removeFirst();
			}
		}
	}

	private void prune(Deque<Instant> log, Instant now) {
		Instant oldest = now.minus(limits.window());
		while (!log.isEmpty() && !log.peekFirst().isAfter(oldest)) {
			log.removeFirst();
		}
	}

	private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		return a.get().compareTo(b.get()) >= 0 ? a : b;
	}

	private static String userKey(String username) {
		return "u:" + username.toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

}
