package io.lifeline.signaling;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * {@code /signal}: one flow per socket. Messages are read in order, each checked for size, rate and form; the first
 * must be {@code join}, every later one goes through the {@link RelayRules} to the other side via the
 * {@link SignalBus}. The outbound queue is written until the socket is finished, then the socket is closed with the
 * status that finished it.
 */
final class SignalingHandler implements WebSocketHandler {

	private final SignalingLimits limits;

	private final Admission admission;

	private final SignalBus bus;

	SignalingHandler(SignalingLimits limits, Admission admission, SignalBus bus) {
		this.limits = limits;
		this.admission = admission;
		this.bus = bus;
	}

	@Override
	public Mono<Void> handle(WebSocketSession webSocket) {
		SignalSocket socket = new SignalSocket(limits);
		socket.timer(Mono.delay(limits.joinTimeout()).subscribe(tick -> {
			if (socket.claims() == null) {
				socket.fail(ErrorCode.NOT_CONSENTED, "no join within " + limits.joinTimeout().toSeconds() + " s");
			}
		}));
		Mono<Void> input = webSocket.receive()
			.concatMap(message -> receive(socket, message), 0)
			.then()
			.onErrorResume(ex -> Mono.empty())
			.then(Mono.defer(() -> {
				socket.finish(null, CloseStatus.NORMAL);
				return admission.leave(socket).onErrorResume(ex -> Mono.empty());
			}));
		Mono<Void> output = webSocket.send(socket.outbound().map(webSocket::textMessage))
			.then(Mono.defer(() -> webSocket.close(socket.closeStatus())));
		return Mono.zip(input, output).then();
	}

	private Mono<Void> receive(SignalSocket socket, WebSocketMessage message) {
		if (!socket.isOpen() || message.getType() == WebSocketMessage.Type.PING
				|| message.getType() == WebSocketMessage.Type.PONG) {
			return Mono.empty();
		}
		if (message.getType() != WebSocketMessage.Type.TEXT) {
			socket.fail(ErrorCode.MALFORMED, "messages are JSON text");
			return Mono.empty();
		}
		if (message.getPayload().readableByteCount() > limits.maxMessageBytes()) {
			socket.fail(ErrorCode.TOO_LARGE, "messages are at most " + limits.maxMessageBytes() + " bytes");
			return Mono.empty();
		}
		if (!socket.withinRate()) {
			socket.fail(ErrorCode.RATE_LIMITED, "at most " + limits.messagesPerSecond() + " messages per second");
			return Mono.empty();
		}
		InboundMessage inbound;
		try {
			inbound = InboundMessages.read(message.getPayloadAsText(StandardCharsets.UTF_8));
		}
		catch (MalformedMessage ex) {
			socket.fail(ErrorCode.MALFORMED, ex.getMessage());
			return Mono.empty();
		}
		if (socket.claims() == null) {
			if (inbound.kind() != InboundMessage.Kind.JOIN) {
				socket.fail(ErrorCode.NOT_CONSENTED, "join with a token first");
				return Mono.empty();
			}
			return admission.join(socket, inbound.token());
		}
		return relay(socket, inbound);
	}

	private Mono<Void> relay(SignalSocket socket, InboundMessage inbound) {
		var refusal = RelayRules.check(socket.role(), socket.scopes(), inbound.kind());
		if (refusal.isPresent()) {
			socket.fail(refusal.get().code(), refusal.get().message());
			return Mono.empty();
		}
		if (!socket.peerPresent()) {
			socket.fail(ErrorCode.NOT_ALLOWED, "the other side has not joined");
			return Mono.empty();
		}
		Mono<Void> sent = bus.publish(new Dispatch.Relay(socket.sessionId(), socket.role().other(), inbound.relayed()));
		if (inbound.kind() == InboundMessage.Kind.BYE) {
			return sent.doFinally(signal -> socket.finish(null, CloseStatus.NORMAL));
		}
		return sent;
	}

}
