package io.lifeline.realtime.stomp;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * STOMP 1.2 (and 1.1, 1.0) over WebSocket at {@code /ws}: one flow per connection, the inbound frames handled in
 * order and zipped with the outbound queue, as Spring's reactive {@link WebSocketHandler} has it.
 */
final class StompWebSocketHandler implements WebSocketHandler {

	static final List<String> SUBPROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");

	private final StompServices services;

	private final SessionMonitor monitor;

	StompWebSocketHandler(StompServices services, SessionMonitor monitor) {
		this.services = services;
		this.monitor = monitor;
	}

	@Override
	public List<String> getSubProtocols() {
		return SUBPROTOCOLS;
	}

	@Override
	public Mono<Void> handle(WebSocketSession socket) {
		StompSession session = new StompSession(services, () -> abort(socket));
		monitor.register(session);
		Mono<Void> input = socket.receive()
			.map(StompWebSocketHandler::bytes)
			.concatMap(session::receive, 0)
			.then()
			.doFinally(signal -> session.terminate());
		Mono<Void> output = socket.send(session.outbound())
			.then(Mono.defer(() -> socket.close(session.closeStatus())));
		return Mono.zip(input, output).then().doFinally(signal -> monitor.unregister(session));
	}

	/**
	 * Closes without waiting for the queue to drain. The close frame itself may sit behind what a stalled client
	 * never read; the server's write timeout (see {@code WebServerConfiguration}) then drops the connection.
	 */
	private static void abort(WebSocketSession socket) {
		socket.close(CloseStatus.POLICY_VIOLATION.withReason("slow consumer")).subscribe();
	}

	/** Copied out at once: the WebSocket frame's buffer is released when this returns. */
	private static byte[] bytes(WebSocketMessage message) {
		DataBuffer payload = message.getPayload();
		byte[] bytes = new byte[payload.readableByteCount()];
		payload.read(bytes);
		return bytes;
	}

}
