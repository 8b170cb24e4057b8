package io.lifeline.signaling;

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

	private final SessionDirectory directory;

	private final SignalBus bus;

	SignalingControl(SessionDirectory directory, SignalBus bus) {
		this.directory = directory;
		this.bus = bus;
	}

	public Mono<Void> close(String sessionId, Closure closure) {
		return directory.close(sessionId, closure)
			.then(bus.publish(new Dispatch.Close(sessionId, closure)))
			.onErrorResume(ex -> {
				log.warn("Could not tell signaling that session {} is {}; its sockets close at its end time", sessionId,
						closure.reason(), ex);
				return bus.publish(new Dispatch.Close(sessionId, closure)).onErrorResume(again -> Mono.empty());
			});
	}

	public Mono<Void> narrow(String sessionId, Set<Scope> scopes) {
		return directory.narrow(sessionId, scopes)
			.then(bus.publish(new Dispatch.Narrow(sessionId, scopes)))
			.onErrorResume(ex -> {
				log.warn("Could not tell signaling that session {} was narrowed to {}", sessionId, scopes, ex);
				return Mono.empty();
			});
	}

}
