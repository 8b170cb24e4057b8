package io.lifeline.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.identity.User;
import io.lifeline.identity.UserRepository;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketService;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Satisfaction surveys. The customer of a SOLVED or CLOSED ticket answers once; for {@link #CHANGEABLE} after the
 * first answer they may replace it, then it is final. Each answer is a {@code survey.submitted} event on the
 * ticket's stream (so the wall board and reports see it), and a low one also a {@code survey.low-score} alert on
 * every supervisor's {@code /user/queue/alerts}, in the same transaction.
 */
@Component
class SurveyService {

	static final Duration CHANGEABLE = Duration.ofDays(7);

	static final String SUBMITTED = "survey.submitted";

	static final String LOW_SCORE = "survey.low-score";

	private final DatabaseClient db;

	private final TicketService tickets;

	private final UserRepository users;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	SurveyService(DatabaseClient db, TicketService tickets, UserRepository users, EventLog events,
			TransactionalOperator transaction, Clock clock) {
		this.db = db;
		this.tickets = tickets;
		this.users = users;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The answer, if any; for the ticket's customer and staff. */
	Mono<Survey> get(CurrentUser user, UUID ticketId) {
		return tickets.requireVisible(user, ticketId).then(find(ticketId, false));
	}

	/** Records or replaces the answer; emits it and whether it was the first. */
	Mono<Submitted> submit(CurrentUser user, UUID ticketId, SurveyAnswer answer) {
		SurveyAnswer valid = answer.validated();
		return tickets.get(user, ticketId).flatMap(ticket -> {
			if (!ticket.customer().id().equals(user.id())) {
				return Mono.error(ApiProblem.forbidden("Only the ticket's customer answers its survey"));
			}
			if (!ticket.status().isDone()) {
				return Mono.error(ApiProblem.illegalTransition(
						"The survey opens once the ticket is SOLVED or CLOSED; it is " + ticket.status()));
			}
			Instant now = clock.instant();
			return find(ticketId, true).map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty())
				.flatMap(existing -> {
					if (existing.isPresent() && !existing.get().changeableAt(now)) {
						return Mono.error(ApiProblem.illegalTransition(
								"The survey was answered more than 7 days ago and can no longer be changed"));
					}
					Instant first = existing.map(Survey::firstSubmittedAt).orElse(now);
					Survey survey = new Survey(ticketId, valid.csat(), valid.nps(), valid.comment(), now, first,
							first.plus(CHANGEABLE));
					return save(survey, user.id(), existing.isEmpty())
						.then(record(ticket, survey, user))
						.thenReturn(new Submitted(survey, existing.isEmpty()));
				});
		}).as(transaction::transactional);
	}

	private Mono<Void> save(Survey survey, UUID customerId, boolean first) {
		String sql = first ? """
				insert into surveys (ticket_id, customer_id, csat, nps, comment, first_submitted_at, submitted_at)
				values (:ticket, :customer, :csat, :nps, :comment, :first, :at)""" : """
				update surveys set csat = :csat, nps = :nps, comment = :comment, submitted_at = :at
				where ticket_id = :ticket and customer_id = :customer and first_submitted_at = :first""";
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
			.bind("ticket", survey.ticketId())
			.bind("customer", customerId)
			.bind("csat", survey.csat())
			.bind("first", survey.firstSubmittedAt())
			.bind("at", survey.submittedAt());
		spec = survey.nps() == null ? spec.bindNull("nps", Integer.class) : spec.bind("nps", survey.nps());
		spec = survey.comment() == null ? spec.bindNull("comment", String.class)
				: spec.bind("comment", survey.comment());
		return spec.then();
	}

	/** The ticket's event first, then the supervisors' alerts in id order (as the SLA alerts do: no lock cycles). */
	private Mono<Void> record(Ticket ticket, Survey survey, CurrentUser customer) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("survey", survey);
		data.put("ticketNumber", ticket.number());
		data.put("customer", Map.of("id", customer.id(), "displayName", customer.displayName()));
		Mono<Void> submitted = events.appendTicketEvent(
				new NewEvent(SUBMITTED, ticket.id(), Audience.ALL, customer.id(), survey.submittedAt(), data))
			.then();
		if (!survey.low()) {
			return submitted;
		}
		Map<String, Object> alert = new LinkedHashMap<>(data);
		alert.put("ticket", ticket);
		NewEvent lowScore = new NewEvent(LOW_SCORE, ticket.id(), Audience.AGENTS, customer.id(),
				survey.submittedAt(), alert);
		return submitted.thenMany(users.findByRole(Role.SUPERVISOR).map(User::id).sort())
			.concatMap(supervisor -> events.append("alerts." + supervisor, lowScore))
			.then();
	}

	private Mono<Survey> find(UUID ticketId, boolean lock) {
		return db.sql("select ticket_id, csat, nps, comment, first_submitted_at, submitted_at from surveys "
				+ "where ticket_id = :ticket" + (lock ? " for update" : ""))
			.bind("ticket", ticketId)
			.map(SurveyService::survey)
			.one();
	}

	private static Survey survey(Readable row) {
		Instant first = row.get("first_submitted_at", Instant.class);
		return new Survey(row.get("ticket_id", UUID.class), row.get("csat", Integer.class),
				row.get("nps", Integer.class), row.get("comment", String.class),
				row.get("submitted_at", Instant.class), first, first.plus(CHANGEABLE));
	}

	record Submitted(Survey survey, boolean first) {
	}

}
