package io.lifeline.assist;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.lifeline.signaling.SignalingControl;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every step on a session runs: the row is locked, the step decides, the change and its events are written in
 * one transaction, and only once that has committed is signaling told (sockets closed on an end, scopes narrowed),
 * so signaling never acts on a change that rolled back.
 */
@Component
class AssistSteps {

	private final AssistRepository sessions;

	private final AssistEvents events;

	private final TransactionalOperator transaction;

	private final SignalingControl signaling;

	AssistSteps(AssistRepository sessions, AssistEvents events, TransactionalOperator transaction,
			SignalingControl signaling) {
		this.sessions = sessions;
		this.events = events;
		this.transaction = transaction;
		this.signaling = signaling;
	}

	/** Runs one step on one session; a 404 when there is no such session. */
	Mono<AssistSession> on(UUID id, Function<AssistSession, Mono<Step>> step) {
		return sessions.lock(id)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Assist session " + id)))
			.flatMap(step)
			.flatMap(this::write)
			.as(transaction::transactional)
			.flatMap(done -> tell(done).then(done.refusal() == null ? Mono.just(done.session())
					: Mono.error(done.refusal())));
	}

	/** Runs a step on each of the (locked) sessions it applies to, in one transaction; emits those changed. */
	Mono<List<AssistSession>> each(Flux<AssistSession> locked, Function<AssistSession, Optional<Step>> step) {
		return locked.concatMap(session -> Mono.justOrEmpty(step.apply(session)))
			.concatMap(this::write)
			.collectList()
			.as(transaction::transactional)
			.flatMap(done -> Flux.fromIterable(done)
				.concatMap(this::tell)
				.then(Mono.fromSupplier(() -> done.stream().map(Step::session).toList())));
	}

	private Mono<Step> write(Step step) {
		if (!step.changed()) {
			return Mono.just(step);
		}
		return sessions.update(step.session())
			.thenMany(Flux.fromIterable(step.entries())
				.concatMap(entry -> events.record(entry.event(), step.session(), entry.actor(), entry.at(),
						entry.extra())))
			.then(Mono.just(step));
	}

	/** What signaling must hear after a committed step: only consented sessions ever had sockets. */
	private Mono<Void> tell(Step step) {
		AssistSession session = step.session();
		if (session.consentedAt() == null) {
			return Mono.empty();
		}
		if (step.recorded(AssistEvents.SCOPES_CHANGED)) {
			return signaling.narrow(session.id().toString(), Set.copyOf(session.grantedScopes()));
		}
		if (!session.state().isLive() && step.recorded(AssistEvents.finalType(session.state()))) {
			return signaling.close(session.id().toString(), session.closure());
		}
		return Mono.empty();
	}

}
