package io.lifeline.signaling;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Signaling as its own process: {@code /signal} and {@code /health} on Reactor Netty, configured from the
 * environment (see {@link StandaloneSettings}). With Redis it joins the Lifeline servers' signaling cluster: relay,
 * control, token claims and the session directory all go through the same Redis. No {@code Origin} check is needed:
 * nothing ambient (no cookie) authenticates a socket here, only the join token inside it.
 */
public final class SignalingServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SignalingServer.class);

	static final int MAX_FRAME = 1024 * 1024;

	static final Duration DIRECTORY_KEEP = Duration.ofHours(1);

	private final Signaling signaling;

	private final DisposableServer server;

	private final RedisClient redis;

	public SignalingServer(StandaloneSettings settings, Clock clock) {
		this.redis = settings.redisUrl() == null ? null : RedisClient.create();
		JoinTokens tokens = new JoinTokens(settings.secret(), clock);
		RefusalListener refusals = (claims, code, reason) -> log.info("Refused a join to session {} by {}: {} ({})",
				claims.sessionId(), claims.participantId(), code, reason);
		if (redis == null) {
			this.signaling = new Signaling(SignalingLimits.defaults(), tokens, new LocalTokenClaims(clock),
					new LocalSessionDirectory(clock, DIRECTORY_KEEP), new LocalSignalBus(), refusals, clock);
		}
		else {
			RedisURI uri = RedisURI.create(settings.redisUrl());
			Mono<StatefulRedisConnection<String, String>> commands = Mono
				.fromCompletionStage(() -> redis.connectAsync(StringCodec.UTF8, uri))
				.cache();
			Mono<StatefulRedisPubSubConnection<String, String>> pubSub = Mono
				.fromCompletionStage(() -> redis.connectPubSubAsync(StringCodec.UTF8, uri));
			this.signaling = new Signaling(SignalingLimits.defaults(), tokens, new RedisTokenClaims(commands),
					new RedisSessionDirectory(commands, DIRECTORY_KEEP),
					new RedisSignalBus(commands, pubSub, settings.channel(), JsonMapper.builder().build()), refusals,
					clock);
		}
		signaling.start();
		HandshakeWebSocketService handshakes = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
				() -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME)));
		WebHandler routes = exchange -> switch (exchange.getRequest().getPath().value()) {
			case "/signal" -> handshakes.handleRequest(exchange, signaling.handler());
			case "/health" -> {
				exchange.getResponse().setStatusCode(HttpStatus.OK);
				yield exchange.getResponse()
					.writeWith(Mono.fromSupplier(() -> exchange.getResponse()
						.bufferFactory()
						.wrap("ok\n".getBytes(StandardCharsets.US_ASCII))));
			}
			default -> {
				exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
				yield exchange.getResponse().setComplete();
			}
		};
		HttpHandler http = WebHttpHandlerBuilder.webHandler(routes).build();
		this.server = HttpServer.create()
			.host(settings.host())
			.port(settings.port())
			.handle(new ReactorHttpHandlerAdapter(http))
			.bindNow();
		log.info("Signaling listening on {}:{} ({})", settings.host(), server.port(),
				redis == null ? "one node, in memory" : "Redis channel " + settings.channel());
	}

	public static void main(String[] args) {
		SignalingServer server = new SignalingServer(StandaloneSettings.from(System.getenv()), Clock.systemUTC());
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "signaling-shutdown"));
		server.server.onDispose().block();
	}

	public int port() {
		return server.port();
	}

	Signaling signaling() {
		return signaling;
	}

	@Override
	public void close() {
		server.disposeNow(Duration.ofSeconds(5));
		signaling.close();
		if (redis != null) {
			redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
