package io.lifeline.assist;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.signaling.IceServers;
import io.lifeline.signaling.JoinClaims;
import io.lifeline.signaling.JoinTokens;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Joining a session: one of its two participants, while it is consented, gets a short-lived single-use token for
 * signaling and the ICE servers (TURN credentials only now, after consent). The ticket is checked again here, not
 * only when its change event arrives: a solved, closed or reassigned ticket ends the session instead. The first
 * join makes the session ACTIVE; every refused attempt is put on record ({@code assist.refused}).
 */
@Service
class AssistJoins {

	private final AssistSteps steps;

	private final TicketService tickets;

	private final JoinTokens tokens;

	private final IceServers iceServers;

	private final AssistProperties properties;

	private final Clock clock;

	AssistJoins(AssistSteps steps, TicketService tickets, JoinTokens tokens, IceServers iceServers,
			AssistProperties properties, Clock clock) {
		this.steps = steps;
		this.tickets = tickets;
		this.tokens = tokens;
		this.iceServers = iceServers;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<JoinGrant> join(CurrentUser user, UUID id, URI requestUri) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return steps.on(id, session -> {
			AssistRules.requireVisible(user, session);
			return tickets.get(user, session.ticketId()).map(ticket -> decide(user, session, ticket, now));
		}).map(session -> grant(user, session, now, requestUri));
	}

	/** Admits the user, or refuses with a reason on record (ending the session first if the ticket ended it). */
	static Step decide(CurrentUser user, AssistSession session, Ticket ticket, Instant now) {
		Optional<ParticipantRole> role = session.roleOf(user.id());
		if (role.isEmpty()) {
			return refuse(Step.unchanged(session), user, now, "not-a-participant",
					ApiProblem.forbidden("Only the session's customer and agent join it"));
		}
		if (!session.state().isConsented()) {
			return refuse(Step.unchanged(session), user, now, "not-consented",
					ApiProblem.illegalTransition("The session is " + session.state() + ": there is no consent to join"));
		}
		if (!now.isBefore(session.expiresAt())) {
			return refuse(Step.unchanged(session), user, now, "consent-expired",
					ApiProblem.illegalTransition("The consent has run out"));
		}
		Optional<String> ended = AssistRules.endedByTicket(ticket, session);
		if (ended.isPresent()) {
			return refuse(Step.finished(session, AssistState.ENDED, null, ended.get(), now), user, now, ended.get(),
					ApiProblem.illegalTransition("The session has ended (" + ended.get() + ")"));
		}
		return Step.unchanged(session.activated())
			.and(AssistEvents.JOINED, Actor.of(user), now, Map.of("participant", Actor.of(user), "role", role.get()));
	}

	private static Step refuse(Step step, CurrentUser user, Instant now, String reason, ApiProblem problem) {
		return step.and(AssistEvents.REFUSED, Actor.of(user), now,
				AssistEvents.attempt(user.id(), user.displayName(), reason)).refused(problem);
	}

	private JoinGrant grant(CurrentUser user, AssistSession session, Instant now, URI requestUri) {
		ParticipantRole role = session.roleOf(user.id()).orElseThrow();
		Instant tokenExpiry = now.plus(properties.joinTokenTtl());
		if (tokenExpiry.isAfter(session.expiresAt())) {
			tokenExpiry = session.expiresAt();
		}
		String token = tokens.issue(new JoinClaims(session.id().toString(), user.id().toString(), role,
				Set.copyOf(session.grantedScopes()), UUID.randomUUID().toString(), tokenExpiry, session.expiresAt()));
		return new JoinGrant(signalingUrl(requestUri), token, role, session.grantedScopes(),
				iceServers.forUser(user.id().toString()), tokenExpiry);
	}

	/** As configured, else this server's own {@code /signal}, as the browser reached it. */
	private String signalingUrl(URI requestUri) {
		if (properties.signalingUrl() != null) {
			return properties.signalingUrl();
		}
		String scheme = "https".equalsIgnoreCase(requestUri.getScheme()) ? "wss" : "ws";
		return scheme + "://" + requestUri.getRawAuthority() + "/signal";
	}

}
