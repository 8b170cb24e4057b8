package io.lifeline.signaling;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * The session directory shared by every node: one Redis hash per session with a field per side (its socket),
 * {@code closed} and {@code scopes}, expiring a while after its last change. An arrival writes its own field before
 * it reads the other's, so of two sides joining at once on two nodes at least one sees the other.
 */
public final class RedisSessionDirectory implements SessionDirectory {

	static final String PREFIX = "lifeline:signal:session:";

	private static final String CLOSED = "closed";

	private static final String SCOPES = "scopes";

	/** Deletes the field only if it still names this socket. */
	private static final String LEAVE = """
			if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then
			  return redis.call('hdel', KEYS[1], ARGV[1])
			end
			return 0""";

	private final Mono<StatefulRedisConnection<String, String>> connection;

	private final Duration keep;

	public RedisSessionDirectory(Mono<StatefulRedisConnection<String, String>> connection, Duration keep) {
		this.connection = connection;
		this.keep = keep;
	}

	@Override
	public Mono<Arrival> arrive(String sessionId, ParticipantRole role, String socketId) {
		String key = PREFIX + sessionId;
		return connection.flatMap(redis -> redis.reactive()
			.hset(key, role.wire(), socketId)
			.then(redis.reactive().hmget(key, role.other().wire(), CLOSED, SCOPES).collectList())
			.flatMap(fields -> redis.reactive().expire(key, keep).thenReturn(arrival(fields))));
	}

	@Override
	public Mono<Boolean> leave(String sessionId, ParticipantRole role, String socketId) {
		return connection.flatMap(redis -> redis.reactive()
			.<Long>eval(LEAVE, ScriptOutputType.INTEGER, new String[] { PREFIX + sessionId }, role.wire(), socketId)
			.next()
			.map(deleted -> deleted == 1L));
	}

	@Override
	public Mono<Void> close(String sessionId, Closure closure) {
		return set(sessionId, CLOSED, closure.encode());
	}

	@Override
	public Mono<Void> narrow(String sessionId, Set<Scope> scopes) {
		return set(sessionId, SCOPES, String.join(",", Scope.wires(scopes)));
	}

	private Mono<Void> set(String sessionId, String field, String value) {
		String key = PREFIX + sessionId;
		return connection
			.flatMap(redis -> redis.reactive().hset(key, field, value).then(redis.reactive().expire(key, keep)))
			.then();
	}

	private static Arrival arrival(List<KeyValue<String, String>> fields) {
		return new Arrival(fields.get(0).hasValue(), value(fields.get(1)).map(Closure::decode),
				value(fields.get(2)).map(scopes -> scopes.isEmpty() ? Set.<Scope>of()
						: Scope.setOf(Arrays.asList(scopes.split(",")))));
	}

	private static Optional<String> value(KeyValue<String, String> field) {
		return field.hasValue() ? Optional.of(field.getValue()) : Optional.empty();
	}

}
