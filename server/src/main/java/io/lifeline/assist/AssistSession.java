package io.lifeline.assist;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.signaling.Closure;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;

/**
 * An assist session as the contract shows it ({@code id, ticketId, agentId, customerId, state, requestedScopes,
 * grantedScopes, reason, createdAt, expiresAt}) plus the names, the ticket number and when and how it ended. Each
 * step returns the session as it is after the step, or a 409 problem when the state machine does not allow it.
 */
record AssistSession(UUID id, UUID ticketId, UUID agentId, UUID customerId, AssistState state,
		List<Scope> requestedScopes, List<Scope> grantedScopes, String reason, Instant createdAt, Instant expiresAt,
		String agentName, String customerName, long ticketNumber, Instant shownAt, Instant consentedAt,
		Instant endedAt, Actor endedBy, String endReason) {

	static final String DECLINED = "declined";

	static final String REVOKED = "revoked";

	static final String ENDED = "ended";

	static final String TICKET_CLOSED = "ticket-closed";

	static final String REASSIGNED = "reassigned";

	static final String UNANSWERED = "unanswered";

	static final String CONSENT_EXPIRED = "consent-expired";

	AssistSession {
		requestedScopes = ordered(requestedScopes);
		grantedScopes = ordered(grantedScopes);
	}

	static AssistSession requested(UUID id, UUID ticketId, long ticketNumber, Actor agent, UUID customerId,
			String customerName, Collection<Scope> scopes, String reason, Instant now, Duration answerWithin) {
		return new AssistSession(id, ticketId, agent.id(), customerId, AssistState.REQUESTED, List.copyOf(scopes),
				List.of(), reason, now, now.plus(answerWithin), agent.displayName(), customerName, ticketNumber, null,
				null, null, null, null);
	}

	/** The customer's portal displayed the request. */
	AssistSession shown(Instant at) {
		require(AssistState.REQUESTED);
		return new AssistSession(id, ticketId, agentId, customerId, state, requestedScopes, grantedScopes, reason,
				createdAt, expiresAt, agentName, customerName, ticketNumber, at, consentedAt, endedAt, endedBy,
				endReason);
	}

	AssistSession consented(Collection<Scope> granted, Instant at, Duration lasting) {
		becomes(AssistState.CONSENTED);
		return new AssistSession(id, ticketId, agentId, customerId, AssistState.CONSENTED, requestedScopes,
				List.copyOf(granted), reason, createdAt, at.plus(lasting), agentName, customerName, ticketNumber,
				shownAt, at, endedAt, endedBy, endReason);
	}

	/** The first join: from CONSENTED to ACTIVE; an ACTIVE session stays as it is. */
	AssistSession activated() {
		if (state == AssistState.ACTIVE) {
			return this;
		}
		becomes(AssistState.ACTIVE);
		return new AssistSession(id, ticketId, agentId, customerId, AssistState.ACTIVE, requestedScopes,
				grantedScopes, reason, createdAt, expiresAt, agentName, customerName, ticketNumber, shownAt,
				consentedAt, endedAt, endedBy, endReason);
	}

	AssistSession narrowed(Collection<Scope> scopes) {
		requireConsented();
		return new AssistSession(id, ticketId, agentId, customerId, state, requestedScopes, List.copyOf(scopes),
				reason, createdAt, expiresAt, agentName, customerName, ticketNumber, shownAt, consentedAt, endedAt,
				endedBy, endReason);
	}

	/** Into a final state; {@code by} is null when nobody did it (a timeout). */
	AssistSession finished(AssistState end, Actor by, String why, Instant at) {
		becomes(end);
		return new AssistSession(id, ticketId, agentId, customerId, end, requestedScopes, grantedScopes, reason,
				createdAt, expiresAt, agentName, customerName, ticketNumber, shownAt, consentedAt, at, by, why);
	}

	/** The side this user is on, if either. */
	Optional<ParticipantRole> roleOf(UUID userId) {
		if (customerId.equals(userId)) {
			return Optional.of(ParticipantRole.CUSTOMER);
		}
		return agentId.equals(userId) ? Optional.of(ParticipantRole.AGENT) : Optional.empty();
	}

	/** What signaling tells both sockets of a session in this final state. */
	Closure closure() {
		return switch (state) {
			case REVOKED -> Closure.revoked();
			case EXPIRED -> Closure.expired();
			default -> Closure.ended(endReason == null ? state.name().toLowerCase(java.util.Locale.ROOT) : endReason);
		};
	}

	void requireConsented() {
		if (!state.isConsented()) {
			throw ApiProblem.illegalTransition("The session is " + state + ", not consented");
		}
	}

	private void require(AssistState expected) {
		if (state != expected) {
			throw ApiProblem.illegalTransition("The session is " + state + ", not " + expected);
		}
	}

	private void becomes(AssistState next) {
		if (!state.canBecome(next)) {
			throw ApiProblem.illegalTransition("A " + state + " session cannot become " + next);
		}
	}

	private static List<Scope> ordered(List<Scope> scopes) {
		return Arrays.stream(Scope.values()).filter(scopes::contains).toList();
	}

}
