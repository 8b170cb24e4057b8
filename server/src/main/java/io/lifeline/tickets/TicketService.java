package io.lifeline.tickets;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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
import io.lifeline.sla.SlaClocks;
import io.lifeline.sla.SlaEngine;
import io.lifeline.sla.SlaRules;
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

	private final SlaEngine sla;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final ObjectProvider<UnreadCounter> unread;

	private final ObjectProvider<TicketTriage> triage;

	private final ObjectProvider<TicketListener> listeners;

	TicketService(TicketRepository tickets, UserRepository users, SlaEngine sla, EventLog events,
			TransactionalOperator transaction, Clock clock, ObjectProvider<UnreadCounter> unread,
			ObjectProvider<TicketTriage> triage, ObjectProvider<TicketListener> listeners) {
		this.tickets = tickets;
		this.users = users;
		this.sla = sla;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.unread = unread;
		this.triage = triage;
		this.listeners = listeners;
	}

	public Mono<Ticket> create(CurrentUser user, CreateTicketRequest request) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		List<String> requestedTags = Tags.normalize(request.tags(), errors);
		Intake intake = Intake.normalize(request.intake(), errors);
		if (!errors.isEmpty()) {
			return Mono.error(ApiProblem.badRequest("tags or intake: invalid", errors));
		}
		Priority priority = request.priority() == null ? Priority.P3 : request.priority();
		UUID id = UUID.randomUUID();
		Instant now = now();
		String subject = request.subject().strip();
		String description = request.description().strip();
		return customerFor(user, request.customerId())
			.flatMap(customerId -> triaged(subject, description).flatMap(triaged -> sla.rules(priority)
				.map(rules -> SlaClocks.opened(rules, now))
				.flatMap(clocks -> tickets.insert(id, subject, description, priority, customerId,
						withTriageTags(requestedTags, triaged.tags()), now, clocks,
						intake.orElse(triaged.module(), triaged.faultType()))
					.then(sla.track(id, null, clocks)))))
			.then(tickets.find(id))
			.map(created -> created.toTicket(now))
			.flatMap(ticket -> events
				.appendTicketEvent(new NewEvent("ticket.created", id, Audience.ALL, user.id(), now,
						Map.of("ticket", ticket, "actor", Actor.of(user))))
				.then(priority == Priority.P1 ? sla.becameP1(id, now) : Mono.empty())
				.then(Flux.fromStream(listeners::orderedStream)
					.concatMap(listener -> listener.created(ticket, user.id()))
					.then())
				.thenReturn(ticket))
			.as(transaction::transactional);
	}

	private Mono<TicketTriage.Result> triaged(String subject, String description) {
		TicketTriage rules = triage.getIfAvailable();
		return rules == null ? Mono.just(TicketTriage.Result.NONE)
				: rules.triage(subject, description).defaultIfEmpty(TicketTriage.Result.NONE);
	}

	private static List<String> withTriageTags(List<String> requested, List<String> triaged) {
		java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(requested);
		for (String tag : triaged) {
			if (all.size() < Tags.MAX_TAGS) {
				all.add(tag);
			}
		}
		return List.copyOf(all);
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

	/** The tickets a batch of messages goes to, read unlocked, by id; ids of no ticket are left out. */
	public Mono<Map<UUID, MessageTarget>> messageTargets(Collection<UUID> ids) {
		return tickets.messageTargets(ids).collectMap(MessageTarget::id);
	}

	/**
	 * Moves the SLA clocks for a public message, in the caller's transaction: a reply by staff meets first and next
	 * response (and acknowledges a P1), a customer's message starts a next-response cycle. Emits the target as the
	 * message leaves it: the same one when the SLA did not change, else one whose {@link MessageTarget#changed()} is
	 * the ticket now, for the caller to record in its events. The row is locked only when something changes, so the
	 * messages of a busy conversation do not queue on it.
	 */
	public Mono<MessageTarget> recordMessage(MessageTarget target, boolean byStaff, Instant at) {
		UUID id = target.id();
		return afterMessage(target.sla, target.status, byStaff, at)
			.filter(after -> !after.equals(target.sla))
			.flatMap(changed -> tickets.lock(id))
			.flatMap(locked -> afterMessage(locked.sla(), locked.status(), byStaff, at)
				.filter(after -> !after.equals(locked.sla()))
				.flatMap(after -> {
					Instant firstResponded = byStaff && locked.firstRespondedAt() == null ? at : locked.firstRespondedAt();
					TicketRecord next = locked.withSla(after, firstResponded);
					return tickets.update(next, locked.version())
						.then(sla.track(id, locked.sla(), after))
						.then(tickets.find(id));
				}))
			.map(record -> new MessageTarget(id, record.customerId(), record.status(), record.sla(),
					record.toTicket(at)))
			.defaultIfEmpty(target);
	}

	private Mono<SlaClocks> afterMessage(SlaClocks clocks, TicketStatus status, boolean byStaff, Instant at) {
		return sla.rulesOf(clocks)
			.map(rules -> byStaff ? clocks.agentReplied(rules, at)
					: clocks.customerWrote(rules, at, status == TicketStatus.PENDING));
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
					? new TicketPage(page.subList(0, query.limit()), cursorAfter(query, page.get(query.limit() - 1)),
							headSeq.orElse(null))
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
		Priority priority = patch.priority() == null ? current.priority() : patch.priority();
		if (priority != current.priority()) {
			changed.add("priority");
		}
		TicketStatus newStatus = status;
		Instant newSolvedAt = solvedAt;
		List<String> newTags = tags;
		return assignee(current, patch, changed)
			.flatMap(assigneeId -> clocks(current, newStatus, priority, assigneeId, now).map(clocks -> {
				if (!clocks.equals(current.sla())) {
					changed.add("sla");
				}
				return new Change(current.next(newStatus, priority, assigneeId.orElse(null), newTags, newSolvedAt,
						clocks, now), changed);
			}));
	}

	/** The SLA clocks after a change of priority, status or assignee, in that order. */
	private Mono<SlaClocks> clocks(TicketRecord current, TicketStatus status, Priority priority,
			Optional<UUID> assigneeId, Instant now) {
		Mono<SlaRules> before = sla.rulesOf(current.sla());
		Mono<SlaRules> after = priority == current.priority() ? before : sla.rules(priority);
		return Mono.zip(before, after).map(rules -> {
			SlaRules now_ = rules.getT2();
			SlaClocks clocks = priority == current.priority() ? current.sla()
					: current.sla().retargeted(rules.getT1(), now_, now);
			TicketStatus from = current.status();
			if (status != from) {
				if (from.isDone() && !status.isDone()) {
					clocks = clocks.reopened(now_, now);
				}
				if (from == TicketStatus.PENDING) {
					clocks = clocks.resumed(now_, now);
				}
				if (status == TicketStatus.PENDING) {
					clocks = clocks.paused(now_, now);
				}
				if (status.isDone() && !from.isDone()) {
					clocks = clocks.solved(now_, now);
				}
			}
			if (assigneeId.isPresent() && !assigneeId.get().equals(current.assigneeId())) {
				clocks = clocks.acknowledged(now_, now);
			}
			return clocks;
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
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("changed", change.fields());
		data.put("actor", Actor.of(user));
		return commit(current, change.ticket(), user.id(), data, now);
	}

	/**
	 * Writes a locked ticket's next state, its clocks' alarms and its {@code ticket.updated} event (data: the ticket
	 * plus {@code data}), in the caller's transaction; a ticket that became P1 opens its war room.
	 */
	Mono<Ticket> commit(TicketRecord current, TicketRecord next, UUID actorId, Map<String, Object> data,
			Instant now) {
		return tickets.update(next, current.version())
			.then(sla.track(current.id(), current.sla(), next.sla()))
			.then(tickets.find(current.id()))
			.map(saved -> saved.toTicket(now))
			.flatMap(ticket -> {
				Map<String, Object> payload = new java.util.LinkedHashMap<>();
				payload.put("ticket", ticket);
				payload.putAll(data);
				boolean becameP1 = next.priority() == Priority.P1 && current.priority() != Priority.P1;
				@SuppressWarnings("unchecked")
				List<String> fields = data.get("changed") instanceof List<?> list ? (List<String>) list : List.of();
				TicketListener.Change change = new TicketListener.Change(ticket, current.status(),
						current.assigneeId(), fields, actorId);
				return events
					.appendTicketEvent(new NewEvent("ticket.updated", ticket.id(), Audience.ALL, actorId, now, payload))
					.then(becameP1 ? sla.becameP1(ticket.id(), now) : Mono.empty())
					.then(Flux.fromStream(listeners::orderedStream)
						.concatMap(listener -> listener.changed(change))
						.then())
					.thenReturn(ticket);
			});
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

	private static String cursorAfter(TicketQuery query, Ticket last) {
		return query.byDue() ? TicketCursor.afterDue(last.sla().nextDueAt(), last.number())
				: TicketCursor.after(last.number());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private record Change(TicketRecord ticket, List<String> fields) {
	}

}
