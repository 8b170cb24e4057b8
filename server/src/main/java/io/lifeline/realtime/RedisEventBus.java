package io.lifeline.realtime;

import java.time.Duration;
import java.util.Arrays;
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
		return publishAll(List.of(event));
	}

	/** One message for all of them: one round trip, and other nodes get them in this order. */
	@Override
	public Mono<Void> publishAll(List<LoggedEvent> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		events.forEach(local::emit);
		String message = json.writeValueAsString(events.stream()
			.map(event -> new Envelope(event.origin(), event.audience(), event.event()))
			.toList());
		return redis.commands()
			.flatMap(connection -> connection.reactive().publish(channel, message))
			.timeout(PUBLISH_TIMEOUT)
			.then()
			.onErrorResume(ex -> {
				log.debug("Publishing {} events to Redis failed; other nodes will read them from the log",
						events.size(), ex);
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
					return Arrays.stream(json.readValue(message.getMessage(), Envelope[].class))
						.filter(envelope -> !origin.equals(envelope.origin()))
						.map(envelope -> new LoggedEvent(envelope.event(), envelope.audience(), envelope.origin()))
						.toList();
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable message on {}", channel, ex);
					return List.<LoggedEvent>of();
				}
			});
	}

	/** What travels on the channel, in a JSON array of one or more. */
	record Envelope(String origin, Audience audience, Event event) {
	}

}
