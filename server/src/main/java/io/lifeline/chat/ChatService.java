package io.lifeline.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.lifeline.chat.attachments.Attachments;
import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Chat on a ticket. A message, its events and (for an agent's first public reply) the ticket's first response
 * commit together; a retry with the same {@code clientMessageId} gets the first message back, never a second row.
 */
@Service
class ChatService {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	static final long TYPING_EXPIRES_MS = 6_000;

	private final MessageRepository messages;

	private final ReadMarks reads;

	private final Attachments attachments;

	private final TicketService tickets;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final TypingThrottle typing;

	private final Clock clock;

	ChatService(MessageRepository messages, ReadMarks reads, Attachments attachments, TicketService tickets,
			EventLog events, TransactionalOperator transaction, Clock clock) {
		this.messages = messages;
		this.reads = reads;
		this.attachments = attachments;
		this.tickets = tickets;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.typing = new TypingThrottle(clock);
	}

	Mono<Sent> send(CurrentUser user, UUID ticketId, SendMessage request) {
		SendMessage message = request.validated();
		if (message.isInternal() && !user.isStaff()) {
			return Mono.error(ApiProblem.forbidden("Only agents write internal notes"));
		}
		Mono<Sent> existing = messages.findByClientMessageId(ticketId, message.clientMessageId())
			.flatMap(this::withAttachments)
			.map(found -> new Sent(found, false));
		// Written straight away: a retry finds its clientMessageId taken at the insert, rolls back and gets the first.
		return tickets.requireVisible(user, ticketId)
			.then(Mono.defer(() -> create(user, ticketId, message).as(transaction::transactional)))
			.onErrorResume(AlreadySent.class, retry -> existing);
	}

	Mono<List<Message>> history(CurrentUser user, UUID ticketId, Long beforeSeq, int limit) {
		return tickets.requireVisible(user, ticketId)
			.thenMany(messages.page(ticketId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit, user.isStaff()))
			.collectList()
			.flatMap(page -> attachments.forMessages(page.stream().map(Message::id).toList())
				.map(files -> page.stream()
					.map(m -> m.withAttachments(files.getOrDefault(m.id(), List.of())))
					.toList()));
	}

	Mono<Void> typing(CurrentUser user, UUID ticketId, boolean typingNow, boolean internal) {
		if (internal && !user.isStaff()) {
			return Mono.error(ApiProblem.forbidden("Only agents write internal notes"));
		}
		if (!typing.shouldForward(user.id(), ticketId, typingNow)) {
			return Mono.empty();
		}
		return tickets.requireVisible(user, ticketId)
			.then(events.sendEphemeral(Streams.ticket(ticketId), "typing", ticketId,
					internal ? Audience.AGENTS : Audience.ALL, Map.of("user", Actor.of(user), "typing", typingNow,
							"internal", internal, "expiresInMs", TYPING_EXPIRES_MS)));
	}

	Mono<Void> read(CurrentUser user, UUID ticketId, long seq) {
		String stream = Streams.ticket(ticketId);
		Instant now = now();
		return tickets.requireVisible(user, ticketId)
			.then(events.head(stream))
			.flatMap(head -> seq > head
					? Mono.error(ApiProblem.badRequest("seq", "is past the ticket's last event (" + head + ")"))
					: reads.advance(ticketId, user.id(), seq, now)
						.filter(moved -> moved)
						.flatMap(moved -> events.append(stream, new NewEvent("read", ticketId, Audience.ALL,
								user.id(), now, Map.of("user", Actor.of(user), "seq", seq))))
						.as(transaction::transactional)
						.then());
	}

	Flux<ReadMarks.ReadMark> reads(CurrentUser user, UUID ticketId) {
		return tickets.requireVisible(user, ticketId).thenMany(reads.marks(ticketId));
	}

	private Mono<Sent> create(CurrentUser user, UUID ticketId, SendMessage request) {
		UUID id = UUID.randomUUID();
		Instant now = now();
		String stream = Streams.ticket(ticketId);
		boolean internal = request.isInternal();
		Audience audience = internal ? Audience.AGENTS : Audience.ALL;
		// The ticket row before the ticket's stream, in the order ticket changes take them: no deadlock with a PATCH.
		Mono<Optional<Ticket>> slaChange = internal ? Mono.just(Optional.empty())
				: tickets.recordMessage(ticketId, user.isStaff(), now).map(Optional::of).defaultIfEmpty(Optional.empty());
		return slaChange.flatMap(first -> events.reserve(stream)
			.flatMap(seq -> messages.insert(id, ticketId, seq, user.id(), request, now)
				.flatMap(inserted -> inserted ? Mono.just(seq) : Mono.error(new AlreadySent())))
			.flatMap(seq -> attachments.attach(ticketId, user.id(), request.attachmentIds(), id, internal)
				.map(files -> new Message(id, ticketId, seq, Actor.of(user), request.body(), internal,
						request.clientMessageId(), now, files)))
			.flatMap(message -> {
				NewEvent created = new NewEvent("message.created", ticketId, audience, user.id(), now, message);
				Optional<NewEvent> slaChanged = first.map(ticket -> new NewEvent("ticket.updated", ticketId,
						Audience.ALL, user.id(), now,
						Map.of("ticket", ticket, "changed", List.of("sla"), "actor", Actor.of(user))));
				return events.write(stream, message.seq(), created, true)
					.then(Mono.justOrEmpty(slaChanged).flatMap(events::appendTicketEvent))
					.then(agentReplied(user, message, now, internal))
					.then(Mono.just(new Sent(message, true)));
			}));
	}

	/** Every public reply by staff is an event the SLA engine reads (first and next response). */
	private Mono<Void> agentReplied(CurrentUser user, Message message, Instant at, boolean internal) {
		if (!user.isStaff() || internal) {
			return Mono.empty();
		}
		return events.append(Streams.ticket(message.ticketId()), new NewEvent("agent.replied", message.ticketId(),
				Audience.AGENTS, user.id(), at, Map.of("messageId", message.id(), "seq", message.seq())))
			.then();
	}

	private Mono<Message> withAttachments(Message message) {
		return attachments.forMessages(List.of(message.id()))
			.map(files -> message.withAttachments(files.getOrDefault(message.id(), List.of())));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A message and whether this call created it (201) or found it from an earlier try (200). */
	record Sent(Message message, boolean created) {
	}

	/** The same clientMessageId committed first in another transaction: roll back and return that one. */
	private static final class AlreadySent extends RuntimeException {

		AlreadySent() {
			super(null, null, false, false);
		}

	}

}
