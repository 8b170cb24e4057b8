package io.lifeline.signaling;

import java.util.Optional;
import java.util.Set;

/**
 * Who may send what once joined. The customer is the only offerer (the screen is theirs to share) and the agent
 * answers; both send candidates and {@code bye}; pointer and control go from the agent only, each with its scope.
 */
final class RelayRules {

	private RelayRules() {
	}

	/** Why this message may not be relayed, if it may not. */
	static Optional<Refusal> check(ParticipantRole from, Set<Scope> scopes, InboundMessage.Kind kind) {
		return switch (kind) {
			case JOIN -> refuse(ErrorCode.NOT_ALLOWED, "already joined");
			case OFFER -> from == ParticipantRole.CUSTOMER ? Optional.empty()
					: refuse(ErrorCode.NOT_ALLOWED, "only the customer makes offers");
			case ANSWER -> from == ParticipantRole.AGENT ? Optional.empty()
					: refuse(ErrorCode.NOT_ALLOWED, "only the agent answers");
			case CANDIDATE, BYE -> Optional.empty();
			case POINTER -> agentWith(from, scopes, Scope.POINTER);
			case CONTROL -> agentWith(from, scopes, Scope.CONTROL);
		};
	}

	private static Optional<Refusal> agentWith(ParticipantRole from, Set<Scope> scopes, Scope scope) {
		if (from != ParticipantRole.AGENT) {
			return refuse(ErrorCode.NOT_ALLOWED, "only the agent sends " + scope.wire());
		}
		return scopes.contains(scope) ? Optional.empty()
				: refuse(ErrorCode.SCOPE_MISSING, "the customer has not granted " + scope.wire());
	}

	private static Optional<Refusal> refuse(ErrorCode code, String message) {
		return Optional.of(new Refusal(code, message));
	}

	record Refusal(ErrorCode code, String message) {
	}

}
