package io.lifeline.signaling;

import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * What every signaling node must agree on about a session: which socket holds each side now, whether the session
 * is over, and whether its scopes were narrowed since its tokens were issued. Two implementations: in memory (one
 * node) and a Redis hash per session (several). Entries are forgotten a while after their last change.
 */
public interface SessionDirectory {

	/** Records the socket as its side's current one; tells whether the other side is there and what changed. */
	Mono<Arrival> arrive(String sessionId, ParticipantRole role, String socketId);

	/** Forgets the socket unless another took its place; emits whether it was still the current one. */
	Mono<Boolean> leave(String sessionId, ParticipantRole role, String socketId);

	/** Marks the session over: any later join is refused. */
	Mono<Void> close(String sessionId, Closure closure);

	/** Records narrower scopes: a later join gets no more than these. */
	Mono<Void> narrow(String sessionId, Set<Scope> scopes);

	/**
	 * What a joining socket learns.
	 *
	 * @param peerPresent the other side has a socket now
	 * @param closure set when the session is over
	 * @param narrowedScopes set when the scopes were narrowed
	 */
	record Arrival(boolean peerPresent, Optional<Closure> closure, Optional<Set<Scope>> narrowedScopes) {
	}

}
