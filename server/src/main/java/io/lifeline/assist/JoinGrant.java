package io.lifeline.assist;

import java.time.Instant;
import java.util.List;

import io.lifeline.signaling.IceServer;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.signaling.Scope;

/** What {@code join} hands a participant: where to signal, the single-use token, and the ICE servers to use. */
record JoinGrant(String signalingUrl, String token, ParticipantRole role, List<Scope> grantedScopes,
		List<IceServer> iceServers, Instant expiresAt) {
}
