package io.lifeline.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.lifeline.system.AfterCommit;
import io.lifeline.system.BackgroundFlow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Fires SLA alerts, exactly once across nodes. Wakes at the wheel's deadlines (and after every scan), then claims
 * whatever is due by the database's clock, batch after batch, each batch one transaction holding the claimed
 * deadline and ticket rows: the alerts' events, the fired marks and any breach reassignment commit together, or
 * not at all and another node (or this one, later) claims them again. A node that is killed mid-batch leaves its
 * rows unlocked and unmarked; after downtime the first scan finds what became overdue and fires it at once.
 */
@Component
class SlaFiring extends BackgroundFlow {

	private static final Logger log = LoggerFactory.getLogger(SlaFiring.class);

	private final SlaDeadlines deadlines;

	private final SlaTimer timer;

	private final SlaTickets tickets;

	private final SlaAlerts alerts;

	private final SlaPolicyRepository policies;

	private final EscalationGroups groups;

	private final TransactionalOperator transaction;

	private final SlaProperties properties;

	private final Clock clock;

	SlaFiring(SlaDeadlines deadlines, SlaTimer timer, SlaTickets tickets, SlaAlerts alerts,
			SlaPolicyRepository policies, EscalationGroups groups, TransactionalOperator transaction,
			SlaProperties properties, Clock clock) {
		this.deadlines = deadlines;
		this.timer = timer;
		this.tickets = tickets;
		this.alerts = alerts;
		this.policies = policies;
		this.groups = groups;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected Disposable run() {
		return Flux.merge(timer.fired().map(keys -> keys.length), scans())
			.onBackpressureLatest()
			.concatMap(wake -> fireDue()
				.onErrorResume(ex -> {
					log.warn("Firing SLA alerts failed; the next wake-up tries again", ex);
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	/** Arms what comes within the horizon; the first scan, at start, also finds what fell due while no node ran. */
	private Flux<Integer> scans() {
		return Flux.interval(Duration.ZERO, properties.scanInterval())
			.onBackpressureDrop()
			.concatMap(tick -> deadlines.within(properties.horizon())
				.doOnNext(armed -> {
					timer.observeDatabaseTime(armed.databaseNow());
					timer.arm(armed.id(), armed.fireAt());
				})
				.count()
				.map(Long::intValue)
				.onErrorResume(ex -> {
					log.warn("Scanning SLA deadlines failed; retrying at the next scan", ex);
					return Mono.just(0);
				}), 1);
	}

	/** Claims and fires due deadlines until a batch comes back short. */
	Mono<Void> fireDue() {
		int batch = properties.claimBatch();
		return fireBatch().expand(fired -> fired >= batch ? fireBatch() : Mono.empty()).then();
	}

	private Mono<Integer> fireBatch() {
		return deadlines.claim(properties.claimBatch())
			.collectList()
			.flatMap(claimed -> fire(claimed).thenReturn(claimed.size()))
			.as(transaction::transactional);
	}

	private Mono<Void> fire(List<SlaDeadlines.Claimed> claimed) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Alert> all = new ArrayList<>();
		return Flux.fromIterable(claimed)
			.concatMap(deadline -> tickets.subject(deadline.ticketId())
				.flatMap(subject -> alertsFor(deadline, subject, now))
				.doOnNext(all::addAll)
				.then(deadlines.fired(deadline.id(), deadline.warningDue(), deadline.breachDue())
					.flatMap(next -> AfterCommit.run(() -> timer.arm(deadline.id(), next)))))
			.then(Mono.defer(() -> alerts.send(all)));
	}

	private Mono<List<Alert>> alertsFor(SlaDeadlines.Claimed deadline, SlaTickets.SlaSubject subject, Instant now) {
		if (!subject.open()) {
			return Mono.just(List.of());
		}
		if (deadline.clock() == ClockKind.ACKNOWLEDGE) {
			return deadline.breachDue() ? alerts.recipients(subject, true)
				.map(to -> List.of(new Alert(Alert.ESCALATED, subject, deadline.clock(), deadline.dueAt(),
						Alert.P1_UNACKNOWLEDGED, now, to))) : Mono.just(List.of());
		}
		return alerts.recipients(subject, false).flatMap(to -> {
			List<Alert> fired = new ArrayList<>();
			if (deadline.warningDue()) {
				fired.add(new Alert(Alert.WARNING, subject, deadline.clock(), deadline.dueAt(), null, now, to));
			}
			if (!deadline.breachDue()) {
				return Mono.just(fired);
			}
			fired.add(new Alert(Alert.BREACHED, subject, deadline.clock(), deadline.dueAt(), null, now, to));
			return policies.find(subject.priority()).flatMap(policy -> {
				if (policy.escalation().notifySupervisors()) {
					fired.add(new Alert(Alert.ESCALATED, subject, deadline.clock(), deadline.dueAt(), Alert.BREACH,
							now, to));
				}
				return reassign(subject, policy.escalation().reassignToGroup(), now).thenReturn(fired);
			});
		});
	}

	/** Hands a breached ticket to the least loaded member of the policy's group, if it names one. */
	private Mono<Void> reassign(SlaTickets.SlaSubject subject, String group, Instant now) {
		if (group == null) {
			return Mono.empty();
		}
		return groups.members(group)
			.map(members -> members.stream().filter(id -> !id.equals(subject.assigneeId())).toList())
			.filter(members -> !members.isEmpty())
			.flatMap(members -> tickets.openLoad(members)
				.map(load -> leastLoaded(members, load)))
			.flatMap(assignee -> tickets.reassign(subject.ticketId(), assignee, "sla-breach:" + group, now));
	}

	private static UUID leastLoaded(List<UUID> members, Map<UUID, Long> load) {
		return members.stream().min(Comparator.comparing((UUID id) -> load.getOrDefault(id, 0L))).orElseThrow();
	}


}
