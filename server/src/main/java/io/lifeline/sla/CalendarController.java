package io.lifeline.sla;

import java.util.List;
import java.util.UUID;

import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Business-hours calendars ({@code /api/calendars}) and escalation groups ({@code /api/escalation-groups}): read by
 * staff, edited by supervisors. An edited calendar re-targets the running clocks measured in it.
 */
@RestController
class CalendarController {

	private final CalendarRepository calendars;

	private final Calendars cache;

	private final SlaPolicyRepository policies;

	private final EscalationGroups groups;

	private final Retargeting retargeting;

	private final TransactionalOperator transaction;

	CalendarController(CalendarRepository calendars, Calendars cache, SlaPolicyRepository policies,
			EscalationGroups groups, Retargeting retargeting, TransactionalOperator transaction) {
		this.calendars = calendars;
		this.cache = cache;
		this.policies = policies;
		this.groups = groups;
		this.retargeting = retargeting;
		this.transaction = transaction;
	}

	@GetMapping("/api/calendars")
	Flux<CalendarDefinition> calendars() {
		return calendars.findAll();
	}

	@PutMapping("/api/calendars/{id}")
	Mono<CalendarDefinition> save(@PathVariable String id, @RequestBody CalendarDefinition calendar) {
		return Mono.fromCallable(() -> calendar.validated(id))
			.flatMap(valid -> calendars.save(valid)
				.then(Mono.fromRunnable(() -> cache.forget(id)))
				.then(policies.usesCalendar(id))
				.doOnNext(used -> {
					if (used) {
						retargeting.everyPriority();
					}
				})
				.thenReturn(valid));
	}

	@DeleteMapping("/api/calendars/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return policies.usesCalendar(id)
			.flatMap(used -> used
					? Mono.<Boolean>error(ApiProblem.illegalTransition("A policy uses calendar " + id + "; change it first"))
					: calendars.delete(id))
			.as(transaction::transactional)
			.flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(ApiProblem.notFound("Calendar " + id)))
			.doOnSuccess(done -> cache.forget(id));
	}

	@GetMapping("/api/escalation-groups")
	Flux<EscalationGroups.Group> groups() {
		return groups.findAll();
	}

	@PutMapping("/api/escalation-groups/{name}")
	Mono<EscalationGroups.Group> saveGroup(@PathVariable String name, @RequestBody GroupMembers members) {
		if (!CalendarDefinition.ID.matcher(name).matches()) {
			return Mono.error(ApiProblem.badRequest("name", "must be lower-case letters, digits and '-'"));
		}
		List<UUID> ids = members == null || members.memberIds() == null ? List.of()
				: members.memberIds().stream().distinct().toList();
		return staff(ids).then(groups.save(name, ids))
			.then(groups.findAll().filter(group -> group.name().equals(name)).next());
	}

	private Mono<Void> staff(List<UUID> ids) {
		return groups.countStaff(ids)
			.filter(count -> count == ids.size())
			.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("memberIds", "must all be agents or supervisors")))
			.then();
	}

	/** {@code {memberIds: […]}}. */
	record GroupMembers(List<UUID> memberIds) {
	}

}
