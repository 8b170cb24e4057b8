package io.lifeline.assist;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.lifeline.signaling.JoinClaims;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.signaling.RefusalListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Puts joins that signaling refused on the session's timeline ({@code assist.refused}): a token used twice, out of
 * date, or for a session that is over. Only genuine tokens are reported, so the participant named is the one the
 * token was issued to.
 */
@Component
class AssistRefusals implements RefusalListener {

	private static final Logger log = LoggerFactory.getLogger(AssistRefusals.class);

	private final AssistRepository sessions;

	private final AssistEvents events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	AssistRefusals(AssistRepository sessions, AssistEvents events, TransactionalOperator transaction, Clock clock) {
		this.sessions = sessions;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void refused(JoinClaims claims, String code, String reason) {
		UUID id = UUID.fromString(claims.sessionId());
		sessions.find(id)
			.flatMap(session -> {
				String name = claims.role() == ParticipantRole.AGENT ? session.agentName() : session.customerName();
				return events.record(AssistEvents.REFUSED, session, null,
						clock.instant().truncatedTo(ChronoUnit.MILLIS),
						AssistEvents.attempt(UUID.fromString(claims.participantId()), name, code + ": " + reason));
			})
			.as(transaction::transactional)
			.subscribe(null, ex -> log.warn("Could not record a refused join to assist session {}", id, ex));
	}

}
