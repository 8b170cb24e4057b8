package io.lifeline.assist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.tickets.TicketStatus;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Sessions that end without anyone ending them: a request unanswered or a consent run out (EXPIRED), and a ticket
 * solved, closed or given to another agent (ENDED). Each ending and its event commit together, on whichever node
 * gets to the row first; the others find nothing left to do.
 */
@Service
class AssistEndings {

	/** Sessions claimed per transaction; the next tick takes the rest. */
	static final int CLAIM_BATCH = 100;

	private final AssistRepository sessions;

	private final AssistSteps steps;

	private final Clock clock;

	AssistEndings(AssistRepository sessions, AssistSteps steps, Clock clock) {
		this.sessions = sessions;
		this.steps = steps;
		this.clock = clock;
	}

	/** Expires the live sessions that are due by the database's clock; emits those it expired. */
	Mono<List<AssistSession>> expireDue() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return steps.each(sessions.claimDue(CLAIM_BATCH),
				session -> Optional.of(Step.finished(session, AssistState.EXPIRED, null,
						session.state() == AssistState.REQUESTED ? AssistSession.UNANSWERED
								: AssistSession.CONSENT_EXPIRED,
						now)));
	}

	/** Ends the ticket's live sessions that its new status or assignee ends; emits those it ended. */
	Mono<List<AssistSession>> ticketChanged(UUID ticketId, TicketStatus status, UUID assigneeId, Actor by,
			Instant at) {
		return steps.each(sessions.lockLive(ticketId), session -> AssistRules
			.endedByTicket(status, assigneeId, session)
			.map(why -> Step.finished(session, AssistState.ENDED, by, why, at)));
	}

}
