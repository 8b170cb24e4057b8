package io.lifeline.realtime;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans events out across nodes through Redis pub/sub (Lettuce). This node's own events reach its subscribers
 * in-process at once; Redis carries them to the others. Redis being slow or down never fails a publisher: the
 * event is already in the log, and every node fills what it missed from there.
 */
public class RedisEventBus implements EventBus {

	private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

	static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	private final LocalEventBus local = new LocalEventBus();

	private final RedisConnections redis;

	private final String channel;

	private final String origin;

	private final JsonMapper json;

	private final Flux<LoggedEvent> remote;

	public RedisEventBus(RedisConnections redis, String channel, String node, JsonMapper json) {
		this.redis = redis;
		this.channel = channel;
		this.origin = node + "/" + UUID.randomUUID();
		this.json = json;
		this.remote = redis.pubSub().flatMapMany(this::listen).share();
	}

	@Override
	public String origin() {
		return origin;
	}

	String channel() {
		return channel;
	}

	@Override
	public Mono<Void> publish(LoggedEvent event) {
		local.emit(event);
		String message = json.writeValueAsString(new Envelope(event.origin(), event.audience(), event.event()));
		return redis.commands()
			.flatMap(connection -> connection.reactive().publish(channel, message))
			.timeout(PUBLISH_TIMEOUT)
			.then()
			.onErrorResume(ex -> {
				log.debug("Publishing {} to Redis failed; other nodes will read it from the log", event.stream(), ex);
				return Mono.empty();
			});
	}

	@Override
	public Flux<LoggedEvent> events() {
		return Flux.merge(local.events(), remote);
	}

	private Flux<LoggedEvent> listen(StatefulRedisPubSubConnection<String, String> connection) {
		return connection.reactive()
			.subscribe(channel)
			.thenMany(connection.reactive().observeChannels())
			.flatMapIterable(message -> {
				try {
					Envelope envelope = json.readValue(message.getMessage(), Envelope.class);
					if (origin.equals(envelope.origin())) {
						return List.<LoggedEvent>of();
					}
					return List.of(new LoggedEvent(envelope.event(), envelope.audience(), envelope.origin()));
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable message on {}", channel, ex);
					return List.<LoggedEvent>of();
				}
			});
	}

	/** What travels on the channel. */
	record Envelope(String origin, Audience audience, Event event) {
	}

}
