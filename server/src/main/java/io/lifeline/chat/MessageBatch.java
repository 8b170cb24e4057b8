package io.lifeline.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lifeline.chat.ChatService.Sent;
import io.lifeline.chat.MessageWriter.Outcome;
import io.lifeline.chat.MessageWriter.Pending;
import io.lifeline.chat.attachments.Attachments;
import io.lifeline.identity.Actor;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.EventLog.Reserved;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.MessageTarget;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * One transaction of the {@link MessageWriter}: messages to any tickets, with their events and the SLA clocks they
 * move, in a fixed number of statements whatever their number: read the tickets, take every stream's seqs, insert
 * the messages, insert the events. Ticket rows (only those whose clocks change) are locked before any stream, and
 * both in id order, as every other writer takes them.
 */
@Component
class MessageBatch {

	private final MessageRepository messages;

	private final Attachments attachments;

	private final TicketService tickets;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final Clock clock;

	MessageBatch(MessageRepository messages, Attachments attachments, TicketService tickets, EventLog events,
			TransactionalOperator transaction, Clock clock) {
		this.messages = messages;
		this.attachments = attachments;
		this.tickets = tickets;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Writes messages with distinct keys in one transaction; emits each one's outcome once it has committed. Fails,
	 * writing nothing, with {@link StoredBefore} when some were stored by an earlier try, or with whatever else
	 * went wrong.
	 */
	Mono<List<Outcome>> write(List<Pending> items) {
		return Mono.defer(() -> write(items, clock.instant().truncatedTo(ChronoUnit.MILLIS)))
			.as(transaction::transactional);
	}

	private Mono<List<Outcome>> write(List<Pending> items, Instant now) {
		Set<UUID> ticketIds = new HashSet<>();
		items.forEach(item -> ticketIds.add(item.ticketId()));
		return tickets.messageTargets(ticketIds).flatMap(targets -> {
			List<Outcome> outcomes = new ArrayList<>();
			List<Pending> accepted = new ArrayList<>();
			for (Pending item : items) {
				MessageTarget target = targets.get(item.ticketId());
				if (target != null && target.visibleTo(item.user())) {
					accepted.add(item);
				}
				else {
					outcomes.add(Outcome.failed(item, ApiProblem.notFound("Ticket " + item.ticketId())));
				}
			}
			if (accepted.isEmpty()) {
				return Mono.just(outcomes);
			}
			return moveClocks(accepted, targets, now)
				.flatMap(changed -> events.reserveAll(eventCounts(accepted, changed))
					.flatMap(before -> insert(accepted, changed, before, now)))
				.map(sent -> {
					outcomes.addAll(sent);
					return outcomes;
				});
		});
	}

	/** The SLA clocks of each public message, ticket by ticket in id order; emits the tickets changed, by message. */
	private Mono<Map<Pending, Ticket>> moveClocks(List<Pending> accepted, Map<UUID, MessageTarget> targets,
			Instant now) {
		Map<Pending, Ticket> changed = new IdentityHashMap<>();
		return Flux.fromIterable(accepted)
			.filter(item -> !item.message().isInternal())
			.sort(Comparator.comparing(Pending::ticketId))
			.concatMap(item -> tickets.recordMessage(targets.get(item.ticketId()), item.user().isStaff(), now)
				.doOnNext(after -> {
					targets.put(item.ticketId(), after);
					if (after.changed() != null) {
						changed.put(item, after.changed());
					}
				}))
			.then(Mono.just(changed));
	}

	/** How many events each ticket's stream gets: the message, the SLA change, the staff reply. */
	private static Map<String, Integer> eventCounts(List<Pending> accepted, Map<Pending, Ticket> changed) {
		Map<String, Integer> counts = new HashMap<>();
		for (Pending item : accepted) {
			int count = 1 + (changed.containsKey(item) ? 1 : 0) + (staffReply(item) ? 1 : 0);
			counts.merge(Streams.ticket(item.ticketId()), count, Integer::sum);
		}
		return counts;
	}

	private Mono<List<Outcome>> insert(List<Pending> accepted, Map<Pending, Ticket> changed, Map<String, Long> before,
			Instant now) {
		Map<String, Long> last = new HashMap<>(before);
		List<Planned> planned = new ArrayList<>(accepted.size());
		for (Pending item : accepted) {
			String stream = Streams.ticket(item.ticketId());
			long seq = last.merge(stream, 1L, Long::sum);
			Ticket ticket = changed.get(item);
			long changeSeq = ticket != null ? last.merge(stream, 1L, Long::sum) : 0;
			long replySeq = staffReply(item) ? last.merge(stream, 1L, Long::sum) : 0;
			SendMessage message = item.message();
			planned.add(new Planned(item, new Message(UUID.randomUUID(), item.ticketId(), seq, Actor.of(item.user()),
					message.body(), message.isInternal(), message.clientMessageId(), now, List.of()), ticket, changeSeq,
					replySeq));
		}
		List<Message> rows = planned.stream().map(Planned::message).toList();
		return messages.insertAll(rows)
			.collect(HashSet<String>::new, Set::add)
			.flatMap(inserted -> inserted.size() == rows.size() ? Mono.just(inserted)
					: Mono.error(new StoredBefore(rows.stream()
						.map(Message::key)
						.filter(key -> !inserted.contains(key))
						.toList())))
			.thenMany(Flux.fromIterable(planned))
			.concatMap(this::withFiles)
			.collectList()
			.flatMap(done -> events.writeAll(done.stream().flatMap(one -> one.events(now).stream()).toList())
				.thenReturn(done.stream().map(one -> Outcome.sent(one.item(), new Sent(one.message(), true))).toList()));
	}

	private Mono<Planned> withFiles(Planned planned) {
		List<UUID> ids = planned.item().message().attachmentIds();
		if (ids.isEmpty()) {
			return Mono.just(planned);
		}
		Message message = planned.message();
		return attachments.attach(message.ticketId(), message.author().id(), ids, message.id(), message.internal())
			.map(files -> planned.with(message.withAttachments(files)));
	}

	private static boolean staffReply(Pending item) {
		return item.user().isStaff() && !item.message().isInternal();
	}

	/**
	 * A message with the seqs of its events in its ticket's stream: {@code message.created} at the message's seq,
	 * then {@code ticket.updated} if it changed the ticket's SLA, then {@code agent.replied} if staff replied.
	 */
	private record Planned(Pending item, Message message, Ticket changed, long changeSeq, long replySeq) {

		Planned with(Message withFiles) {
			return new Planned(item, withFiles, changed, changeSeq, replySeq);
		}

		List<Reserved> events(Instant now) {
			String stream = Streams.ticket(message.ticketId());
			UUID author = message.author().id();
			List<Reserved> events = new ArrayList<>(3);
			events.add(new Reserved(stream, message.seq(), new NewEvent("message.created", message.ticketId(),
					message.internal() ? Audience.AGENTS : Audience.ALL, author, now, message), true));
			if (changed != null) {
				events.add(new Reserved(stream, changeSeq, new NewEvent("ticket.updated", message.ticketId(),
						Audience.ALL, author, now,
						Map.of("ticket", changed, "changed", List.of("sla"), "actor", message.author())), true));
			}
			if (replySeq > 0) {
				// Every public reply by staff is an event the SLA engine reads (first and next response).
				events.add(new Reserved(stream, replySeq, new NewEvent("agent.replied", message.ticketId(),
						Audience.AGENTS, author, now, Map.of("messageId", message.id(), "seq", message.seq())), false));
			}
			return events;
		}

	}

	/** Some of the batch's messages were stored by an earlier try: roll back, and answer those with what is stored. */
	static final class StoredBefore extends RuntimeException {

		private final List<String> keys;

		StoredBefore(List<String> keys) {
			super(null, null, false, false);
			this.keys = keys;
		}

		List<String> keys() {
			return keys;
		}

	}

}
