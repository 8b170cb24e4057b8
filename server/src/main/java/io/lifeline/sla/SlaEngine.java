package io.lifeline.sla;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.system.AfterCommit;
import io.lifeline.tickets.Priority;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The SLA engine as the tickets feature uses it, inside its own transactions: the rules a ticket is held to, the
 * deadlines its clocks arm, and the P1 war room a new P1 opens. How clocks move is {@link SlaClocks}; firing is
 * {@link SlaFiring}.
 */
@Service
public class SlaEngine {

	private final TtlCache<Priority, SlaPolicy> policies;

	private final Calendars calendars;

	private final SlaDeadlines deadlines;

	private final SlaTimer timer;

	private final Incidents incidents;

	private final SlaProperties properties;

	SlaEngine(SlaPolicyRepository policies, Calendars calendars, SlaDeadlines deadlines, SlaTimer timer,
			Incidents incidents, SlaProperties properties, java.time.Clock clock) {
		this.policies = new TtlCache<>(policies::find, properties.rulesCacheTtl(), clock);
		this.calendars = calendars;
		this.deadlines = deadlines;
		this.timer = timer;
		this.incidents = incidents;
		this.properties = properties;
	}

	/** The rules in force now for a priority. */
	public Mono<SlaRules> rules(Priority priority) {
		return policies.get(priority)
			.flatMap(policy -> calendars.find(policy.calendar())
				.map(calendar -> new SlaRules(policy, calendar, properties.acknowledge())));
	}

	/** The rules the clocks were last set by: their policy's targets, and the calendar they ran in. */
	public Mono<SlaRules> rulesOf(SlaClocks clocks) {
		return policies.get(Priority.valueOf(clocks.policy()))
			.zipWith(calendars.find(clocks.calendar()),
					(policy, calendar) -> new SlaRules(policy, calendar, properties.acknowledge()));
	}

	/**
	 * Stores the alarms of clocks that changed; once the change commits, arms the near ones on this node and
	 * disarms those that no longer fire.
	 */
	public Mono<Void> track(UUID ticketId, SlaClocks before, SlaClocks after) {
		return deadlines.sync(ticketId, before, after)
			.collectList()
			.flatMap(rows -> rows.isEmpty() ? Mono.empty() : AfterCommit.run(() -> rows.forEach(row -> {
				timer.observeDatabaseTime(row.databaseNow());
				if (row.fireAt() == null) {
					timer.cancel(row.id());
				}
				else {
					timer.arm(row.id(), row.fireAt());
				}
			})));
	}

	/** An edited policy applies on this node at once (on others within the cache TTL). */
	void forget(Priority priority) {
		policies.forget(priority);
	}

	/** A ticket became P1 (opened as one, or raised): the war room opens and everyone who must know is alerted. */
	public Mono<Void> becameP1(UUID ticketId, Instant at) {
		return incidents.open(ticketId, at);
	}

}
