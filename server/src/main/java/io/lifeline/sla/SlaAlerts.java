package io.lifeline.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.lifeline.identity.Role;
import io.lifeline.identity.User;
import io.lifeline.identity.UserRepository;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Records alerts, in the caller's transaction: each on its ticket's stream (the timeline, agents only) and on every
 * recipient's {@code alerts.{userId}} stream ({@code /user/queue/alerts}). Ticket streams are written first and alert
 * streams after, in user order, so concurrent firings never wait on each other in a cycle.
 */
@Component
class SlaAlerts {

	private final EventLog events;

	private final UserRepository users;

	private final EscalationGroups groups;

	SlaAlerts(EventLog events, UserRepository users, EscalationGroups groups) {
		this.events = events;
		this.users = users;
		this.groups = groups;
	}

	/** The assignee and every supervisor; with {@code onCall}, the on-call group as well. */
	Mono<Set<UUID>> recipients(SlaTickets.SlaSubject subject, boolean onCall) {
		Mono<List<UUID>> oncall = onCall ? groups.members(EscalationGroups.ON_CALL) : Mono.just(List.of());
		return users.findByRole(Role.SUPERVISOR)
			.map(User::id)
			.collectList()
			.zipWith(oncall, (supervisors, extra) -> {
				Set<UUID> all = new TreeSet<>(supervisors);
				all.addAll(extra);
				if (subject.assigneeId() != null) {
					all.add(subject.assigneeId());
				}
				return all;
			});
	}

	Mono<Void> send(List<Alert> alerts) {
		Set<UUID> everyone = new TreeSet<>();
		alerts.forEach(alert -> everyone.addAll(alert.recipients()));
		// Ticket streams in name order, as every writer of several takes them (a stable sort: each ticket's in turn).
		return Flux.fromIterable(alerts)
			.sort(Comparator.comparing(alert -> Streams.ticket(alert.subject().ticketId())))
			.concatMap(alert -> events.appendTicketEvent(event(alert)))
			.thenMany(Flux.fromIterable(everyone))
			.concatMap(user -> Flux.fromIterable(alerts)
				.filter(alert -> alert.recipients().contains(user))
				.concatMap(alert -> events.append(AlertTopic.stream(user), event(alert))))
			.then();
	}

	private static NewEvent event(Alert alert) {
		return new NewEvent(alert.type(), alert.ticketId(), Audience.AGENTS, null, alert.at(), alert.data());
	}

}
