package io.lifeline.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The P1 war room. A new P1 opens an incident ({@code incident.opened}) and alerts every supervisor and the
 * on-call group at once ({@code sla.escalated}, reason {@code p1-opened}); people join it ({@code incident.joined}),
 * which acknowledges the P1.
 */
@Component
class Incidents {

	private final IncidentRepository incidents;

	private final ObjectProvider<SlaTickets> tickets;

	private final SlaAlerts alerts;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	Incidents(IncidentRepository incidents, ObjectProvider<SlaTickets> tickets, SlaAlerts alerts, EventLog events,
			TransactionalOperator transaction, Clock clock) {
		this.incidents = incidents;
		this.tickets = tickets;
		this.alerts = alerts;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** In the caller's transaction, after the ticket's own event. */
	Mono<Void> open(UUID ticketId, Instant at) {
		return incidents.open(ticketId, at)
			.filter(opened -> opened)
			.flatMap(opened -> tickets.getObject().subject(ticketId))
			.flatMap(subject -> events
				.appendTicketEvent(new NewEvent("incident.opened", ticketId, Audience.AGENTS, null, at,
						Incident.of(subject, at, List.of())))
				.then(alerts.recipients(subject, true))
				.flatMap(recipients -> alerts.send(List.of(new Alert(Alert.ESCALATED, subject, ClockKind.ACKNOWLEDGE,
						subject.clocks().find(ClockKind.ACKNOWLEDGE).map(SlaClock::dueAt).orElse(null),
						Alert.P1_OPENED, at, recipients)))));
	}

	Flux<Incident> open() {
		return incidents.openTickets().concatMap(this::find);
	}

	Mono<Incident> join(CurrentUser user, UUID ticketId) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return incidents.openedAt(ticketId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Incident " + ticketId)))
			.flatMap(openedAt -> tickets.getObject()
				.acknowledge(ticketId, user.id(), now)
				.then(incidents.join(ticketId, user.id(), now))
				.filter(joined -> joined)
				.flatMap(joined -> find(ticketId))
				.flatMap(incident -> events
					.appendTicketEvent(new NewEvent("incident.joined", ticketId, Audience.AGENTS, user.id(), now,
							incident))
					.thenReturn(incident)))
			.switchIfEmpty(Mono.defer(() -> find(ticketId)))
			.as(transaction::transactional);
	}

	private Mono<Incident> find(UUID ticketId) {
		return Mono.zip(tickets.getObject().subject(ticketId), incidents.openedAt(ticketId),
				incidents.participants(ticketId))
			.map(found -> Incident.of(found.getT1(), found.getT2(), found.getT3()));
	}

}
