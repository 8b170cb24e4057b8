package io.lifeline.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

import io.lifeline.signaling.Inbox;
import java.util.Map;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A small STOMP-over-WebSocket client for tests: sends raw frames (so tests can send bad ones too) and collects
 * what the server sends, frame by frame, heart-beats counted apart.
 */
public final class StompTestClient implements AutoCloseable {

	public static final Duration WAIT = Duration.ofSeconds(10);

	private final Inbox<Frame> frames = new Inbox<>("frame");

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.One<CloseStatus> closed = Sinks.one();

	private final Sinks.One<Void> opened = Sinks.one();

	private final StringBuilder partial = new StringBuilder();

	private volatile int heartbeats;

	private final Disposable connection;

	private StompTestClient(URI uri, HttpHeaders headers) {
		WebSocketHandler handler = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("v12.stomp", "v11.stomp", "v10.stomp");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				opened.tryEmitEmpty();
				session.closeStatus().subscribe(closed::tryEmitValue);
				Mono<Void> in = session.receive()
					.doOnNext(message -> received(message.getPayloadAsText(StandardCharsets.UTF_8)))
					.then();
				// A server that closes on us (ERROR, then close) fails the sending side: reading must not be cancelled
				// with it, or what the server said last is lost. The reading side ends the sending side.
				Mono<Void> out = session.send(outgoing.asFlux().map(session::textMessage))
					.onErrorResume(ex -> Mono.empty());
				return Mono.when(in.doFinally(signal -> outgoing.tryEmitComplete()), out);
			}
		};
		this.connection = new ReactorNettyWebSocketClient().execute(uri, headers, handler)
			.subscribe(done -> { }, error -> {
				opened.tryEmitError(error);
				closed.tryEmitValue(CloseStatus.NO_CLOSE_FRAME);
			}, () -> closed.tryEmitValue(CloseStatus.NORMAL));
	}

	/** Opens the WebSocket (no STOMP yet). */
	public static StompTestClient open(String baseUrl, HttpHeaders headers) {
		StompTestClient client = new StompTestClient(URI.create(baseUrl.replace("http", "ws") + "/ws"), headers);
		client.opened.asMono().block(WAIT);
		return client;
	}

	public static StompTestClient open(String baseUrl) {
		return open(baseUrl, new HttpHeaders());
	}

	/** Opens the WebSocket and CONNECTs with the token; returns once CONNECTED arrived. */
	public static StompTestClient connect(String baseUrl, String token) {
		StompTestClient client = open(baseUrl);
		client.send("CONNECT", Map.of("accept-version", "1.2", "host", "lifeline", "heart-beat", "0,0",
				"Authorization", "Bearer " + token), "");
		Frame connected = client.next();
		if (!"CONNECTED".equals(connected.command())) {
			throw new IllegalStateException("Expected CONNECTED, got " + connected);
		}
		return client;
	}

	public void send(String command, Map<String, String> headers, String body) {
		StringBuilder frame = new StringBuilder(command).append('\n');
		headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
		frame.append('\n').append(body).append('\0');
		sendRaw(frame.toString());
	}

	public void sendRaw(String text) {
		outgoing.tryEmitNext(text);
	}

	public void subscribe(String id, String destination, Map<String, String> extra) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("id", id);
		headers.put("destination", destination);
		headers.putAll(extra);
		send("SUBSCRIBE", headers, "");
	}

	/** Subscribes and waits for the RECEIPT, so the subscription is live when this returns. */
	public void subscribeAndWait(String id, String destination, Map<String, String> extra) {
		Map<String, String> headers = new LinkedHashMap<>(extra);
		headers.put("receipt", "sub-" + id);
		subscribe(id, destination, headers);
		Frame receipt = next(frame -> !"MESSAGE".equals(frame.command()));
		// MESSAGE frames (a replay) may come first; they stay queued for the caller.
		if (!"RECEIPT".equals(receipt.command())) {
			throw new IllegalStateException("Expected RECEIPT for " + destination + ", got " + receipt);
		}
	}

	public Frame next() {
		return next(frame -> true);
	}

	/** The next frame that matches, skipping others; fails after {@link #WAIT}. */
	public Frame next(Predicate<Frame> wanted) {
		return next(wanted, WAIT);
	}

	/** Takes the first frame that matches, leaving the others in place for later calls. */
	public Frame next(Predicate<Frame> wanted, Duration wait) {
		return frames.next(wanted, wait);
	}

	/** Every frame received so far and not yet taken. */
	public List<Frame> drain() {
		return frames.drain();
	}

	/** Waits for the server to close the connection. */
	public CloseStatus awaitClose() {
		return closed.asMono().block(WAIT);
	}

	public boolean isClosed() {
		return closed.asMono().toFuture().isDone();
	}

	public int heartbeats() {
		return heartbeats;
	}

	@Override
	public void close() {
		connection.dispose();
	}

	private synchronized void received(String text) {
		partial.append(text);
		int end;
		while (true) {
			while (!partial.isEmpty() && (partial.charAt(0) == '\n' || partial.charAt(0) == '\r')) {
				if (partial.charAt(0) == '\n') {
					heartbeats++;
				}
				partial.deleteCharAt(0);
			}
			end = partial.indexOf("\0");
			if (end < 0) {
				return;
			}
			Frame frame = Frame.parse(partial.substring(0, end));
			frames.add(frame);
			partial.delete(0, end + 1);
		}
	}

	/** A received frame, header values unescaped. */
	public record Frame(String command, Map<String, String> headers, String body) {

		static Frame parse(String text) {
			int bodyStart = text.indexOf("\n\n");
			String head = bodyStart < 0 ? text : text.substring(0, bodyStart);
			String body = bodyStart < 0 ? "" : text.substring(bodyStart + 2);
			String[] lines = head.split("\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				String value = lines[i].substring(colon + 1);
				headers.putIfAbsent(lines[i].substring(0, colon),
						"CONNECTED".equals(lines[0].strip()) ? value : unescape(value));
			}
			return new Frame(lines[0].strip(), headers, body);
		}

		static String unescape(String value) {
			return value.replace("\\c", ":").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
		}

		public String header(String name) {
			return headers.get(name);
		}

	}

}
