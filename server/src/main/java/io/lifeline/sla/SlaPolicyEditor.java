package io.lifeline.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Priority;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Saves an edited policy: it applies to tickets opened afterwards at once, and to the running clocks of that
 * priority from now on, which {@link Retargeting} moves in batches after the edit commits.
 */
@Component
class SlaPolicyEditor {

	static final Duration MAX_TARGET = Duration.ofDays(365);

	private final SlaPolicyRepository policies;

	private final CalendarRepository calendars;

	private final EscalationGroups groups;

	private final Retargeting retargeting;

	private final TransactionalOperator transaction;

	private final SlaEngine engine;

	SlaPolicyEditor(SlaPolicyRepository policies, CalendarRepository calendars, EscalationGroups groups,
			Retargeting retargeting, TransactionalOperator transaction, SlaEngine engine) {
		this.engine = engine;
		this.policies = policies;
		this.calendars = calendars;
		this.groups = groups;
		this.retargeting = retargeting;
		this.transaction = transaction;
	}

	Mono<SlaPolicy> save(Priority priority, SlaPolicy edited) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		target("firstResponse", edited.firstResponse(), true, errors);
		target("nextResponse", edited.nextResponse(), false, errors);
		target("resolution", edited.resolution(), true, errors);
		if (edited.warnBefore() == null || edited.warnBefore().isNegative()) {
			errors.add(new ApiProblem.FieldError("warnBefore", "is required, an ISO-8601 duration of zero or more"));
		}
		else if (edited.firstResponse() != null && edited.warnBefore().compareTo(edited.firstResponse()) >= 0) {
			errors.add(new ApiProblem.FieldError("warnBefore", "must be shorter than firstResponse"));
		}
		if (edited.priority() != null && edited.priority() != priority) {
			errors.add(new ApiProblem.FieldError("priority", "must match the priority in the path"));
		}
		String calendar = edited.calendar() == null ? BusinessCalendar.AROUND_THE_CLOCK : edited.calendar();
		SlaPolicy.Escalation escalation = edited.escalation() == null ? SlaPolicy.Escalation.DEFAULT
				: edited.escalation();
		if (!errors.isEmpty()) {
			return Mono.error(ApiProblem.badRequest("The SLA policy is not valid", errors));
		}
		SlaPolicy policy = new SlaPolicy(priority, edited.firstResponse(), edited.nextResponse(), edited.resolution(),
				edited.warnBefore(), calendar, escalation);
		return calendarExists(calendar)
			.then(groupExists(escalation.reassignToGroup()))
			.then(policies.save(policy))
			.as(transaction::transactional)
			.then(Mono.fromRunnable(() -> {
				engine.forget(priority);
				retargeting.priority(priority);
			}))
			.thenReturn(policy);
	}

	private Mono<Void> calendarExists(String calendar) {
		if (BusinessCalendar.AROUND_THE_CLOCK.equals(calendar)) {
			return Mono.empty();
		}
		return calendars.find(calendar)
			.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("calendar", "is neither 24x7 nor a calendar's id")))
			.then();
	}

	private Mono<Void> groupExists(String group) {
		if (group == null) {
			return Mono.empty();
		}
		return groups.findAll()
			.filter(found -> found.name().equals(group))
			.next()
			.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("escalation.reassignToGroup", "is not a group")))
			.then();
	}

	private static void target(String field, Duration value, boolean required, List<ApiProblem.FieldError> errors) {
		if (value == null) {
			if (required) {
				errors.add(new ApiProblem.FieldError(field, "is required, an ISO-8601 duration such as PT15M"));
			}
			return;
		}
		if (!value.isPositive() || value.compareTo(MAX_TARGET) > 0) {
			errors.add(new ApiProblem.FieldError(field, "must be more than zero and at most 365 days"));
		}
	}

}
