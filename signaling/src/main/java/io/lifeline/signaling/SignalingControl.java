package io.lifeline.signaling;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What the server tells signaling about a session: it was revoked, ended or expired (both sockets are told and
 * closed at once, on whichever nodes they are, and later joins are refused), or its scopes were narrowed. Never
 * fails the caller, whose change is already committed: a socket also closes by itself when its session's time is up.
 */
public final class SignalingControl {

	private static final Logger log = LoggerFactory.getLogger(SignalingControl.class);

	static final Duration DIRECTORY_TIMEOUT = Duration.ofSeconds(1);

	private final SessionDirectory directory;

	private final SignalBus bus;

	SignalingControl(SessionDirectory directory, SignalBus bus) {
		this.directory = directory;
		this.bus = bus;
	}

	public Mono<Void> close(String sessionId, Closure closure) {
		return remember(directory.close(sessionId, closure), sessionId, closure.reason())
			.then(bus.publish(new Dispatch.Close(sessionId, closure)));
	}

	public Mono<Void> narrow(String sessionId, Set<Scope> scopes) {
		return remember(directory.narrow(sessionId, scopes), sessionId, "narrowed to " + Scope.wires(scopes))
			.then(bus.publish(new Dispatch.Narrow(sessionId, scopes)));
	}

	/** Records the change for later joins; the open sockets are told either way. */
	private static Mono<Void> remember(Mono<Void> write, String sessionId, String what) {
		return write.timeout(DIRECTORY_TIMEOUT).onErrorResume(ex -> {
			log.warn("Could not record that session {} is {}: a join with a token issued before may still get in",
					sessionId, what, ex);
			return Mono.empty();
		});
	}

}
