package io.lifeline.signaling;

import java.time.Instant;
import java.util.Set;

/**
 * What a join token grants: one participant, in one role, into one session, with these scopes.
 *
 * @param sessionId the session, opaque to signaling
 * @param participantId who, opaque to signaling
 * @param role which side
 * @param scopes what the agent may do (the customer's token carries the same, for display)
 * @param tokenId the token's own id: a token is good for one join only
 * @param expiresAt the token must be used before this
 * @param sessionEndsAt the consent runs out then: the socket is closed even if no one says so
 */
public record JoinClaims(String sessionId, String participantId, ParticipantRole role, Set<Scope> scopes,
		String tokenId, Instant expiresAt, Instant sessionEndsAt) {

	public JoinClaims {
		scopes = Set.copyOf(scopes);
	}

}
