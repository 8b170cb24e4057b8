package io.lifeline.signaling;

import java.time.Instant;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/** Token claims shared by every node: {@code SET key 1 NX PXAT keepUntil}; whoever sets it first has the token. */
public final class RedisTokenClaims implements TokenClaims {

	static final String PREFIX = "lifeline:signal:token:";

	private final Mono<StatefulRedisConnection<String, String>> connection;

	public RedisTokenClaims(Mono<StatefulRedisConnection<String, String>> connection) {
		this.connection = connection;
	}

	@Override
	public Mono<Boolean> claim(String tokenId, Instant keepUntil) {
		return connection
			.flatMap(redis -> redis.reactive().set(PREFIX + tokenId, "1", SetArgs.Builder.nx().pxAt(keepUntil)))
			.map("OK"::equals)
			.defaultIfEmpty(false);
	}

}
