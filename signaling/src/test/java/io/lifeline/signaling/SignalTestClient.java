package io.lifeline.signaling;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A {@code /signal} client for tests (shared with the server's tests through the test jar): sends raw text, so tests
 * can send bad messages too, and collects what the server sends as JSON.
 */
public final class SignalTestClient implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Inbox<JsonNode> received = new Inbox<>("message");

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.One<CloseStatus> closed = Sinks.one();

	private final Sinks.One<Void> opened = Sinks.one();

	private final Disposable connection;

	private SignalTestClient(URI uri) {
		WebSocketHandler handler = (WebSocketSession session) -> {
			opened.tryEmitEmpty();
			session.closeStatus().subscribe(closed::tryEmitValue);
			Mono<Void> in = session.receive()
				.doOnNext(message -> received(message.getPayloadAsText(StandardCharsets.UTF_8)))
				.then();
			// A server that closes on us (error, then close) fails the sending side: reading must not be cancelled
			// with it, or what the server said last is lost. The reading side ends the sending side.
			Mono<Void> out = session.send(outgoing.asFlux().map(session::textMessage))
				.onErrorResume(ex -> Mono.empty());
			return Mono.when(in.doFinally(signal -> outgoing.tryEmitComplete()), out);
		};
		this.connection = new ReactorNettyWebSocketClient().execute(uri, handler).subscribe(done -> {
		}, error -> {
			opened.tryEmitError(error);
			closed.tryEmitValue(CloseStatus.NO_CLOSE_FRAME);
		}, () -> closed.tryEmitValue(CloseStatus.NO_STATUS_CODE));
	}

	/** Opens {@code ws://…/signal} on the server at {@code baseUrl} ({@code http://host:port}). */
	public static SignalTestClient open(String baseUrl) {
		SignalTestClient client = new SignalTestClient(URI.create(baseUrl.replace("http", "ws") + "/signal"));
		client.opened.asMono().block(WAIT);
		return client;
	}

	/** Opens and joins with the token; returns once {@code joined} arrived. */
	public static SignalTestClient join(String baseUrl, String token) {
		SignalTestClient client = open(baseUrl);
		client.send("{\"type\":\"join\",\"token\":\"" + token + "\"}");
		client.next("joined");
		return client;
	}

	public void send(String text) {
		outgoing.tryEmitNext(text);
	}

	/** The next message of this type, skipping none of the others (they stay for later calls). */
	public JsonNode next(String type) {
		return next(message -> type.equals(message.path("type").asString()), WAIT);
	}

	public JsonNode next(Predicate<JsonNode> wanted, Duration wait) {
		return received.next(wanted, wait);
	}

	/** What arrived and was not taken yet. */
	public List<JsonNode> drain() {
		return received.drain();
	}

	/** Waits for the server to close the socket; its close status. */
	public CloseStatus awaitClose() {
		return closed.asMono().block(WAIT);
	}

	@Override
	public void close() {
		connection.dispose();
	}

	private void received(String text) {
		received.add(JSON.readTree(text));
	}

}
