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
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;

/**
 * This node's Redis (Lettuce): one client, one command connection shared by every feature, and pub/sub connections
 * on request. Connections are made in the background and retried forever: Redis being down at start delays fan-out
 * and presence, it does not stop the node.
 */
public final class RedisConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);

	static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final RedisClient client;

	private final RedisURI uri;

	private final Mono<StatefulRedisConnection<String, String>> commands;

	public RedisConnections(String url) {
		this.uri = RedisURI.create(url);
		this.client = RedisClient.create();
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			// While disconnected, fail commands at once instead of queueing them: callers have a fallback.
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.commands = Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, uri))
			.retryWhen(retry("commands"))
			.cache();
	}

	/** The shared command connection (do not close it). */
	public Mono<StatefulRedisConnection<String, String>> commands() {
		return commands;
	}

	/** A new pub/sub connection (Lettuce resubscribes it after reconnecting). */
	public Mono<StatefulRedisPubSubConnection<String, String>> pubSub() {
		return Mono.fromCompletionStage(() -> client.connectPubSubAsync(StringCodec.UTF8, uri))
			.retryWhen(retry("pub/sub"));
	}

	private Retry retry(String what) {
		return Retry.backoff(Long.MAX_VALUE, FIRST_BACKOFF)
			.maxBackoff(MAX_BACKOFF)
			.doBeforeRetry(signal -> log.warn("Redis at {}:{} is not answering ({}); retrying", uri.getHost(),
					uri.getPort(), what));
	}

	@Override
	public void destroy() {
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
