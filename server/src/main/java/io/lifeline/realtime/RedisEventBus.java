package io.lifeline.realtime;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;

/**
 * Fans events out across nodes through Redis pub/sub (Lettuce). This node's own events reach its subscribers
 * in-process at once; Redis carries them to the others. Redis being slow or down never fails a publisher: the
 * event is already in the log, and every node fills what it missed from there.
 */
public class RedisEventBus implements EventBus, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

	static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	static final Duration CONNECT_BACKOFF = Duration.ofMillis(500);

	private final LocalEventBus local = new LocalEventBus();

	private final RedisClient client;

	private final String channel;

	private final String node;

	private final JsonMapper json;

	private final Mono<StatefulRedisConnection<String, String>> publisher;

	private final Flux<LoggedEvent> remote;

	public RedisEventBus(String redisUrl, String channel, String node, JsonMapper json) {
		this.client = RedisClient.create(RedisURI.create(redisUrl));
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			// While disconnected, fail publishes at once instead of queueing them: the log covers the gap.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.channel = channel;
		this.node = node + "/" + java.util.UUID.randomUUID();
		this.json = json;
		this.publisher = Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, RedisURI.create(redisUrl)))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, CONNECT_BACKOFF).maxBackoff(Duration.ofSeconds(5)))
			.cache();
		this.remote = Mono
			.fromCompletionStage(() -> client.connectPubSubAsync(StringCodec.UTF8, RedisURI.create(redisUrl)))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, CONNECT_BACKOFF).maxBackoff(Duration.ofSeconds(5))
				.doBeforeRetry(signal -> log.warn("Redis at {} is not answering; events arrive by polling the log "
						+ "until it does", redisUrl)))
			.flatMapMany(this::listen)
			.share();
	}

	@Override
	public String origin() {
		return node;
	}

	@Override
	public Mono<Void> publish(LoggedEvent event) {
		local.emit(event);
		String message = json.writeValueAsString(new Envelope(event.origin(), event.audience(), event.event()));
		return publisher.flatMap(connection -> connection.reactive().publish(channel, message))
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
					if (node.equals(envelope.origin())) {
						return java.util.List.<LoggedEvent>of();
					}
					return java.util.List.of(new LoggedEvent(envelope.event(), envelope.audience(), envelope.origin()));
				}
				catch (RuntimeException ex) {
					log.warn("Ignoring an unreadable message on {}", channel, ex);
					return java.util.List.<LoggedEvent>of();
				}
			});
	}

	@Override
	public void destroy() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	/** What travels on the channel. */
	record Envelope(String origin, Audience audience, Event event) {
	}

}
