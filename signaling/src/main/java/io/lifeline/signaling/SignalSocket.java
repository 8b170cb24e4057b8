package io.lifeline.signaling;

import java.util.Set;
import java.util.UUID;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * One {@code /signal} connection: its bounded outbound queue, how it is to be closed, and, once joined, whose it
 * is. Messages come from its own reader and from dispatches on other threads, so sending is serialized here.
 */
final class SignalSocket {

	private final String id = UUID.randomUUID().toString();

	private final Sinks.Many<String> outbound;

	private final TokenBucket bucket;

	private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

	private volatile boolean open = true;

	private volatile JoinClaims claims;

	private volatile Set<Scope> scopes = Set.of();

	private volatile boolean peerPresent;

	private volatile boolean joined;

	private volatile Disposable timer;

	SignalSocket(SignalingLimits limits) {
		this.outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(limits.outboundQueue()).get());
		this.bucket = new TokenBucket(limits.messagesPerSecond(), limits.burst(), System::nanoTime);
	}

	String id() {
		return id;
	}

	Flux<String> outbound() {
		return outbound.asFlux();
	}

	CloseStatus closeStatus() {
		return closeStatus;
	}

	boolean isOpen() {
		return open;
	}

	/** Whether the socket may send one more message now. */
	boolean withinRate() {
		return bucket.tryTake();
	}

	/** Queues a message; a socket whose queue is full is closed as too slow. */
	synchronized void send(String message) {
		if (!open) {
			return;
		}
		if (outbound.tryEmitNext(message).isFailure()) {
			open = false;
			closeStatus = new CloseStatus(ErrorCode.SLOW.closeCode(), "slow consumer");
			outbound.tryEmitComplete();
		}
	}

	/** Sends a last message (if any), then closes with the status once the queue has drained. */
	synchronized void finish(String lastMessage, CloseStatus status) {
		if (!open) {
			return;
		}
		if (lastMessage != null) {
			outbound.tryEmitNext(lastMessage);
		}
		open = false;
		closeStatus = status;
		outbound.tryEmitComplete();
		Disposable current = timer;
		if (current != null) {
			current.dispose();
		}
	}

	/** Sends the error, and closes the socket if the error is one that does. */
	void fail(ErrorCode code, String message) {
		String error = Outbound.error(code, message);
		if (code.closes()) {
			finish(error, new CloseStatus(code.closeCode(), code.wire()));
		}
		else {
			send(error);
		}
	}

	/** Names the socket's session and side: from here on, dispatches for that session reach it. */
	void admit(JoinClaims joinClaims) {
		this.claims = joinClaims;
	}

	/** The join is through: messages may be relayed from now on. */
	void joined(Set<Scope> grantedScopes, boolean peerIsPresent) {
		this.scopes = Set.copyOf(grantedScopes);
		this.peerPresent = peerIsPresent;
		this.joined = true;
	}

	/** The join's claims; null before admission. */
	JoinClaims claims() {
		return claims;
	}

	boolean joined() {
		return joined;
	}

	ParticipantRole role() {
		return claims.role();
	}

	String sessionId() {
		return claims.sessionId();
	}

	Set<Scope> scopes() {
		return scopes;
	}

	void narrow(Set<Scope> granted) {
		scopes = Scope.common(scopes, granted);
	}

	boolean peerPresent() {
		return peerPresent;
	}

	void peerPresent(boolean present) {
		peerPresent = present;
	}

	/** A timer that ends with the socket (join timeout, then the session's end). */
	void timer(Disposable next) {
		Disposable previous = timer;
		timer = next;
		if (previous != null) {
			previous.dispose();
		}
		if (!open) {
			next.dispose();
		}
	}

}
