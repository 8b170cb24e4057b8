package io.lifeline.signaling;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dispatches across nodes over one Redis pub/sub channel. This node's own dispatches reach its sockets in process at
 * once (so a close here works even while Redis is away); Redis carries them to the others, which skip what they
 * published themselves.
 */
public final class RedisSignalBus implements SignalBus {

	private static final Logger log = LoggerFactory.getLogger(RedisSignalBus.class);

	public static final String DEFAULT_CHANNEL = "lifeline:signal";

	static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	private final LocalSignalBus local = new LocalSignalBus();

	private final Mono<StatefulRedisConnection<String, String>> commands;

	private final String channel;

	private final String origin = UUID.randomUUID().toString();

	private final JsonMapper json;

	private final Flux<Dispatch> remote;

	public RedisSignalBus(Mono<StatefulRedisConnection<String, String>> commands,
			Mono<StatefulRedisPubSubConnection<String, String>> pubSub, String channel, JsonMapper json) {
		this.commands = commands;
		this.channel = channel;
		this.json = json;
		this.remote = pubSub.flatMapMany(this::listen).share();
	}

	/** Never fails the caller: Redis being slow or away costs the other nodes this dispatch, not this node. */
	@Override
	public Mono<Void> publish(Dispatch dispatch) {
		local.emit(dispatch);
		String message = json.writeValueAsString(new Envelope(origin, dispatch));
		return commands.flatMap(redis -> redis.reactive().publish(channel, message))
			.timeout(PUBLISH_TIMEOUT)
			.then()
			.onErrorResume(ex -> {
				log.warn("Could not publish a {} for session {} to the other nodes", dispatch.getClass().getSimpleName(),
						dispatch.sessionId(), ex);
				return Mono.empty();
			});
	}

	@Override
	public Flux<Dispatch> dispatches() {
		return Flux.merge(local.dispatches(), remote);
	}

	private Flux<Dispatch> listen(StatefulRedisPubSubConnection<String, String> connection) {
		return connection.reactive()
			.subscribe(channel)
			.thenMany(connection.reactive().observeChannels())
			.filter(message -> channel.equals(message.getChannel()))
			.flatMapIterable(message -> {
				try {
					Envelope envelope = json.readValue(message.getMessage(), Envelope.class);
					return origin.equals(envelope.origin()) ? List.<Dispatch>of() : List.of(envelope.dispatch());
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable message on {}", channel, ex);
					return List.<Dispatch>of();
				}
			});
	}

	/** What travels on the channel. */
	record Envelope(String origin, Dispatch dispatch) {
	}

}
