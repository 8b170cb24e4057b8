package io.lifeline.assist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The steps people take on assist sessions: an agent asks, the customer's portal shows it, the customer consents,
 * declines, narrows or revokes, and either side or a supervisor ends it. Each step and its timeline event commit
 * together ({@link AssistSteps}); joining is {@link AssistJoins}'s, ending by time or ticket {@link AssistEndings}'.
 */
@Service
class AssistService {

	private final AssistRepository sessions;

	private final AssistSteps steps;

	private final AssistEvents events;

	private final TicketService tickets;

	private final TransactionalOperator transaction;

	private final AssistProperties properties;

	private final Clock clock;

	AssistService(AssistRepository sessions, AssistSteps steps, AssistEvents events, TicketService tickets,
			TransactionalOperator transaction, AssistProperties properties, Clock clock) {
		this.sessions = sessions;
		this.steps = steps;
		this.events = events;
		this.tickets = tickets;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<AssistSession> request(CurrentUser user, UUID ticketId, AssistRequest request) {
		Set<Scope> scopes = ScopeList.parse("scopes", request.scopes());
		String reason = request.checkedReason();
		Instant now = now();
		return tickets.get(user, ticketId).flatMap(ticket -> {
			AssistRules.requireMayRequest(user, ticket);
			AssistSession session = AssistSession.requested(UUID.randomUUID(), ticketId, ticket.number(),
					Actor.of(user), ticket.customer().id(), ticket.customer().displayName(), scopes, reason, now,
					properties.requestTimeout());
			return sessions.insert(session)
				.flatMap(inserted -> inserted ? events.record(AssistEvents.REQUESTED, session, Actor.of(user), now)
						: Mono.error(ApiProblem.illegalTransition(
								"The ticket already has a live assist session: end it before asking again")));
		}).as(transaction::transactional);
	}

	Mono<AssistSession> get(CurrentUser user, UUID id) {
		return sessions.find(id)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Assist session " + id)))
			.doOnNext(session -> AssistRules.requireVisible(user, session));
	}

	Flux<AssistSession> forTicket(CurrentUser user, UUID ticketId) {
		return tickets.requireVisible(user, ticketId).thenMany(sessions.forTicket(ticketId));
	}

	/** Live sessions on every ticket, newest first (supervisors). */
	Flux<AssistSession> live() {
		return sessions.live();
	}

	/** The customer's portal reports it displayed the request; recorded once. */
	Mono<AssistSession> shown(CurrentUser user, UUID id) {
		Instant now = now();
		return steps.on(id, session -> {
			AssistRules.requireCustomer(user, session, "acknowledge");
			return Mono.just(session.shownAt() != null ? Step.unchanged(session)
					: Step.of(session.shown(now), AssistEvents.SHOWN, Actor.of(user), now));
		});
	}

	Mono<AssistSession> consent(CurrentUser user, UUID id, ScopesBody body) {
		Instant now = now();
		return steps.on(id, session -> {
			AssistRules.requireCustomer(user, session, "consent to");
			if (session.state() == AssistState.REQUESTED && !now.isBefore(session.expiresAt())) {
				return Mono.error(ApiProblem.illegalTransition("The request has expired: the agent must ask again"));
			}
			Set<Scope> granted = ScopeList.within("scopes", body.scopes(), Set.copyOf(session.requestedScopes()),
					"that were requested");
			return tickets.get(user, session.ticketId()).map(ticket -> {
				AssistRules.endedByTicket(ticket, session).ifPresent(why -> {
					throw ApiProblem.illegalTransition("The request no longer stands (" + why + ")");
				});
				return Step.of(session.consented(granted, now, properties.consentDuration()), AssistEvents.CONSENTED,
						Actor.of(user), now);
			});
		});
	}

	Mono<AssistSession> decline(CurrentUser user, UUID id) {
		return finish(user, id, AssistState.DECLINED, AssistSession.DECLINED, "decline");
	}

	Mono<AssistSession> revoke(CurrentUser user, UUID id) {
		return finish(user, id, AssistState.REVOKED, AssistSession.REVOKED, "revoke");
	}

	Mono<AssistSession> end(CurrentUser user, UUID id) {
		Instant now = now();
		return steps.on(id, session -> {
			AssistRules.requireMayEnd(user, session);
			return Mono.just(Step.finished(session, AssistState.ENDED, Actor.of(user), AssistSession.ENDED, now));
		});
	}

	/** The customer keeps fewer scopes ({@code view} stays); the agent loses the rest at once. */
	Mono<AssistSession> narrow(CurrentUser user, UUID id, ScopesBody body) {
		Instant now = now();
		return steps.on(id, session -> {
			AssistRules.requireCustomer(user, session, "change the scopes of");
			session.requireConsented();
			Set<Scope> kept = ScopeList.within("scopes", body.scopes(), Set.copyOf(session.grantedScopes()),
					"already granted");
			if (kept.equals(Set.copyOf(session.grantedScopes()))) {
				return Mono.just(Step.unchanged(session));
			}
			return Mono.just(Step.of(session.narrowed(kept), AssistEvents.SCOPES_CHANGED, Actor.of(user), now));
		});
	}

	private Mono<AssistSession> finish(CurrentUser user, UUID id, AssistState end, String why, String action) {
		Instant now = now();
		return steps.on(id, session -> {
			AssistRules.requireCustomer(user, session, action);
			return Mono.just(Step.finished(session, end, Actor.of(user), why, now));
		});
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
