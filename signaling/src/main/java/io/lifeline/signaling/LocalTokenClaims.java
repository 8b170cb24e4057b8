package io.lifeline.signaling;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Token claims for a single node: in memory, each forgotten once the token could no longer be used anyway. */
public final class LocalTokenClaims implements TokenClaims {

	static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Instant> claimed = new ConcurrentHashMap<>();

	private final Clock clock;

	public LocalTokenClaims(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> claim(String tokenId, Instant keepUntil) {
		return Mono.fromSupplier(() -> {
			if (claimed.size() > SWEEP_ABOVE) {
				Instant now = clock.instant();
				claimed.values().removeIf(until -> until.isBefore(now));
			}
			return claimed.putIfAbsent(tokenId, keepUntil) == null;
		});
	}

}
