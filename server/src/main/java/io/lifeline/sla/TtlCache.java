package io.lifeline.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Values kept for a short while: rules are read on every ticket change and message, and change rarely. An edit on
 * this node {@link #forget forgets} at once; other nodes see it within the TTL.
 */
final class TtlCache<K, V> {

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Function<K, Mono<V>> load;

	private final Duration ttl;

	private final Clock clock;

	TtlCache(Function<K, Mono<V>> load, Duration ttl, Clock clock) {
		this.load = load;
		this.ttl = ttl;
		this.clock = clock;
	}

	Mono<V> get(K key) {
		Instant now = clock.instant();
		Entry<V> entry = entries.get(key);
		if (entry != null && now.isBefore(entry.until())) {
			return Mono.just(entry.value());
		}
		return load.apply(key).doOnNext(value -> entries.put(key, new Entry<>(value, now.plus(ttl))));
	}

	void forget(K key) {
		entries.remove(key);
	}

	private record Entry<V>(V value, Instant until) {
	}

}
