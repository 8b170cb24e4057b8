package io.lifeline.chat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Presence in Redis, one sorted set per ticket: members are viewer sessions, scores their expiry time. Reading
 * drops expired members; the key itself expires when nobody refreshes it.
 */
final class RedisPresenceStore implements PresenceStore {

	static final String PREFIX = "lifeline:presence:";

	static final Duration KEY_TTL = Duration.ofMinutes(2);

	private final Mono<StatefulRedisConnection<String, String>> connection;

	RedisPresenceStore(Mono<StatefulRedisConnection<String, String>> connection) {
		this.connection = connection;
	}

	@Override
	public Mono<Void> touch(UUID ticketId, Viewer viewer, String sessionId, long expiresAtMillis) {
		String key = PREFIX + ticketId;
		return connection.flatMap(redis -> redis.reactive()
			.zadd(key, (double) expiresAtMillis, viewer.member(sessionId))
			.then(redis.reactive().expire(key, KEY_TTL)))
			.then();
	}

	@Override
	public Mono<Void> remove(UUID ticketId, Viewer viewer, String sessionId) {
		return connection.flatMap(redis -> redis.reactive().zrem(PREFIX + ticketId, viewer.member(sessionId)))
			.then();
	}

	@Override
	public Mono<List<Viewer>> viewers(UUID ticketId, long nowMillis) {
		String key = PREFIX + ticketId;
		return connection.flatMap(redis -> redis.reactive()
			.zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) nowMillis))
			.thenMany(redis.reactive().zrangebyscore(key,
					Range.create((double) nowMillis, Double.POSITIVE_INFINITY), Limit.unlimited()))
			.map(Viewer::fromMember)
			.distinct()
			.collectList());
	}

}
