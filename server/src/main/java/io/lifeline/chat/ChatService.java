package io.lifeline.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.chat.attachments.Attachments;
import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.realtime.Streams;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Chat on a ticket. A message, its events and the SLA clocks it moves commit together ({@link MessageWriter}); a
 * retry with the same {@code clientMessageId} gets the first message back, never a second row.
 */
@Service
class ChatService {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	static final long TYPING_EXPIRES_MS = 6_000;

	private final MessageRepository messages;

	private final MessageWriter writer;

	private final ReadMarks reads;

	private final Attachments attachments;

	private final TicketService tickets;

	private final EventLog events;

	private final TransactionalOperator transaction;

	private final TypingThrottle typing;

	private final Clock clock;

	ChatService(MessageRepository messages, MessageWriter writer, ReadMarks reads, Attachments attachments,
			TicketService tickets, EventLog events, TransactionalOperator transaction, Clock clock) {
		this.messages = messages;
		this.writer = writer;
		this.reads = reads;
		this.attachments = attachments;
		this.tickets = tickets;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.typing = new TypingThrottle(clock);
	}

	/** Writes a message (see {@link MessageWriter}); a retry with the same {@code clientMessageId} gets the first. */
	Mono<Sent> send(CurrentUser user, UUID ticketId, SendMessage request) {
		SendMessage message = request.validated();
		if (message.isInternal() && !user.isStaff()) {
			return Mono.error(ApiProblem.forbidden("Only agents write internal notes"));
		}
		return writer.write(user, ticketId, message);
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

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A message and whether this call created it (201) or found it from an earlier try (200). */
	record Sent(Message message, boolean created) {
	}

}
