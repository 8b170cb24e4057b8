package io.lifeline.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.User;
import io.lifeline.identity.UserRepository;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.Event;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import io.lifeline.sla.SlaPolicyRepository;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Opens, reads and changes tickets. Every change and the event that records it commit in one transaction; the
 * realtime layer delivers the event after commit, never this class.
 */
@Service
public class TicketService {

	static final int TIMELINE_PAGE = 1000;

	private final TicketRepository tickets;

	private final UserRepository users;

	private final SlaPolicyRepository policies;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final ObjectProvider<UnreadCounter> unread;

	TicketService(TicketRepository tickets, UserRepository users, SlaPolicyRepository policies, EventLog events,
			TransactionalOperator transaction, Clock clock, ObjectProvider<UnreadCounter> unread) {
		this.tickets = tickets;
		this.users = users;
		this.policies = policies;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.unread = unread;
	}

	public Mono<Ticket> create(CurrentUser user, CreateTicketRequest request) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		List<String> tags = Tags.normalize(request.tags(), errors);
		if (!errors.isEmpty()) {
			return Mono.error(ApiProblem.badRequest("tags: invalid", errors));
		}
		Priority priority = request.priority() == null ? Priority.P3 : request.priority();
		UUID id = UUID.randomUUID();
		Instant now = now();
		return customerFor(user, request.customerId())
			.flatMap(customerId -> policies.find(priority)
				.flatMap(policy -> tickets.insert(id, request.subject().strip(), request.description().strip(),
						priority, customerId, tags, now, policy)))
			.then(tickets.find(id))
			.map(created -> created.toTicket(now))
			.flatMap(ticket -> events
				.appendTicketEvent(new NewEvent("ticket.created", id, Audience.ALL, user.id(), now,
						Map.of("ticket", ticket, "actor", Actor.of(user))))
				.thenReturn(ticket))
			.as(transaction::transactional);
	}

	public Mono<Ticket> get(CurrentUser user, UUID id) {
		return visible(user, tickets.find(id), id).map(ticket -> ticket.toTicket(now()))
			.flatMap(ticket -> withUnread(user, List.of(ticket)).map(List::getFirst));
	}

	/** Completes if the user may see the ticket; a 404 problem if it is absent or not theirs to see. */
	public Mono<Void> requireVisible(CurrentUser user, UUID id) {
		return tickets.customerOf(id)
			.filter(customer -> user.isStaff() || customer.equals(user.id()))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Ticket " + id)))
			.then();
	}

	/**
	 * Records a public reply by staff in the caller's transaction: the first one meets the first-response target.
	 * Emits the ticket as it now is when this reply was the first, else nothing; the caller records the events.
	 */
	public Mono<Ticket> recordAgentReply(UUID id, Instant at) {
		return tickets.markFirstResponse(id, at)
			.filter(first -> first)
			.flatMap(first -> tickets.find(id))
			.map(record -> record.toTicket(at));
	}

	Mono<TicketPage> list(TicketQuery query, boolean staff) {
		Instant now = now();
		Mono<Optional<Long>> head = staff ? events.head(Streams.TICKETS).map(Optional::of)
				: Mono.just(Optional.empty());
		return head.flatMap(headSeq -> tickets.search(query.withLimit(query.limit() + 1))
			.map(ticket -> ticket.toTicket(now))
			.collectList()
			.flatMap(page -> staff ? withUnread(query.viewer(), page) : Mono.just(page))
			.map(page -> page.size() > query.limit()
					? new TicketPage(page.subList(0, query.limit()),
							TicketCursor.after(page.get(query.limit() - 1).number()), headSeq.orElse(null))
					: new TicketPage(page, null, headSeq.orElse(null))));
	}

	Flux<Event> timeline(CurrentUser user, UUID id, long afterSeq) {
		Audience audience = user.isStaff() ? Audience.AGENTS : Audience.ALL;
		return visible(user, tickets.find(id), id)
			.flatMapMany(ticket -> events.read(Streams.ticket(id), afterSeq, audience, TIMELINE_PAGE));
	}

	Mono<Ticket> patch(CurrentUser user, UUID id, long expectedVersion, TicketPatch patch) {
		Instant now = now();
		return visible(user, tickets.lock(id), id)
			.flatMap(current -> {
				if (user.isCustomer() && (patch.changesMoreThanStatus() || patch.status() != TicketStatus.SOLVED)) {
					return Mono.error(ApiProblem.forbidden("Customers may only mark their own ticket SOLVED"));
				}
				if (current.version() != expectedVersion) {
					return Mono.error(ApiProblem
						.versionConflict("The ticket is at version " + current.version() + ", not "
								+ expectedVersion + "; re-read it and apply your change again")
						.with("current", current.toTicket(now)));
				}
				return apply(current, patch, now).flatMap(change -> save(user, current, change, now));
			})
			.as(transaction::transactional);
	}

	/** Adds {@code unread} to tickets a member of staff sees. */
	private Mono<List<Ticket>> withUnread(CurrentUser user, List<Ticket> page) {
		UnreadCounter counter = unread.getIfAvailable();
		if (!user.isStaff() || counter == null || page.isEmpty()) {
			return Mono.just(page);
		}
		return counter.unread(user.id(), page.stream().map(Ticket::id).toList())
			.map(counts -> page.stream().map(t -> t.withUnread(counts.getOrDefault(t.id(), 0L))).toList());
	}

	private Mono<Change> apply(TicketRecord current, TicketPatch patch, Instant now) {
		List<String> changed = new ArrayList<>();
		TicketStatus status = current.status();
		Instant solvedAt = current.solvedAt();
		if (patch.status() != null && patch.status() != current.status()) {
			if (!current.status().canBecome(patch.status())) {
				return Mono.error(ApiProblem.illegalTransition(
						"A " + current.status() + " ticket cannot become " + patch.status() + "; it can become "
								+ current.status().next()));
			}
			status = patch.status();
			solvedAt = status.isDone() ? (solvedAt == null ? now : solvedAt) : null;
			changed.add("status");
		}
		List<String> tags = current.tags();
		if (patch.tags() != null && !patch.tags().equals(current.tags())) {
			tags = patch.tags();
			changed.add("tags");
		}
		TicketStatus newStatus = status;
		Instant newSolvedAt = solvedAt;
		List<String> newTags = tags;
		return assignee(current, patch, changed).flatMap(assigneeId -> {
			Priority priority = patch.priority() == null ? current.priority() : patch.priority();
			Mono<TicketRecord> next;
			if (priority != current.priority()) {
				changed.add("priority");
				next = policies.find(priority)
					.map(policy -> copy(current, newStatus, priority, assigneeId.orElse(null), newTags, newSolvedAt,
							current.createdAt().plus(policy.firstResponse()),
							current.createdAt().plus(policy.resolution()), policy.warnBefore(), now));
			}
			else {
				next = Mono.just(copy(current, newStatus, priority, assigneeId.orElse(null), newTags, newSolvedAt,
						current.firstResponseDueAt(), current.resolutionDueAt(), current.warnBefore(), now));
			}
			return next.map(record -> new Change(record, changed));
		});
	}

	/** The assignee after the patch, checked to be a member of staff. */
	private Mono<Optional<UUID>> assignee(TicketRecord current, TicketPatch patch, List<String> changed) {
		Optional<UUID> before = Optional.ofNullable(current.assigneeId());
		if (patch.assigneeId().isEmpty() || patch.assigneeId().get().equals(before)) {
			return Mono.just(before);
		}
		changed.add("assignee");
		Optional<UUID> after = patch.assigneeId().get();
		if (after.isEmpty()) {
			return Mono.just(after);
		}
		return users.findById(after.get())
			.filter(user -> user.role().isStaff())
			.map(user -> after)
			.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("assigneeId", "is not an agent or supervisor")));
	}

	private Mono<Ticket> save(CurrentUser user, TicketRecord current, Change change, Instant now) {
		if (change.fields().isEmpty()) {
			return Mono.just(current.toTicket(now));
		}
		return tickets.update(change.ticket(), current.version())
			.then(tickets.find(current.id()))
			.map(saved -> saved.toTicket(now))
			.flatMap(ticket -> events
				.appendTicketEvent(new NewEvent("ticket.updated", ticket.id(), Audience.ALL, user.id(), now,
						Map.of("ticket", ticket, "changed", change.fields(), "actor", Actor.of(user))))
				.thenReturn(ticket));
	}

	private Mono<UUID> customerFor(CurrentUser user, UUID requested) {
		if (user.isCustomer()) {
			if (requested != null && !requested.equals(user.id())) {
				return Mono.error(ApiProblem.forbidden("Customers open tickets for themselves only"));
			}
			return Mono.just(user.id());
		}
		if (requested == null) {
			return Mono.error(ApiProblem.badRequest("customerId", "is required when an agent opens a ticket"));
		}
		return users.findById(requested)
			.filter(customer -> !customer.role().isStaff())
			.map(User::id)
			.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("customerId", "is not a customer")));
	}

	private static Mono<TicketRecord> visible(CurrentUser user, Mono<TicketRecord> ticket, UUID id) {
		return ticket.filter(found -> found.isVisibleTo(user))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Ticket " + id)));
	}

	private static TicketRecord copy(TicketRecord t, TicketStatus status, Priority priority, UUID assigneeId,
			List<String> tags, Instant solvedAt, Instant firstResponseDue, Instant resolutionDue,
			java.time.Duration warnBefore, Instant now) {
		return new TicketRecord(t.id(), t.number(), t.subject(), t.description(), status, priority, t.customerId(),
				t.customerName(), assigneeId, null, tags, t.createdAt(), now, t.version() + 1, t.firstRespondedAt(),
				solvedAt, firstResponseDue, resolutionDue, warnBefore);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private record Change(TicketRecord ticket, List<String> fields) {
	}

}
