package io.lifeline.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.lifeline.chat.ChatService.Sent;
import io.lifeline.chat.MessageBatch.StoredBefore;
import io.lifeline.chat.attachments.Attachments;
import io.lifeline.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import org.springframework.stereotype.Component;

/**
 * Writes chat messages with group commit: messages sent while a write is under way wait for it, then share the
 * next transaction ({@link MessageBatch}), so a busy node spends a handful of statements and one commit on many
 * messages, and an idle one writes each at once. Tickets are spread over {@link ChatProperties#writeLanes() lanes}
 * by id; a lane writes one batch at a time, so a ticket's messages are stored in the order they arrived.
 * <p>
 * A message is answered only after its transaction commits. A retry of a stored message (same ticket and
 * {@code clientMessageId}, in this batch or an earlier one) gets the stored one back and writes nothing. When a
 * batch fails for any other reason its messages are written one at a time, so one bad message fails alone.
 */
@Component
class MessageWriter {

	private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

	private final MessageBatch batch;

	private final MessageRepository messages;

	private final Attachments attachments;

	private final int maxBatch;

	private final Lane[] lanes;

	private final LongAdder transactions = new LongAdder();

	MessageWriter(MessageBatch batch, MessageRepository messages, Attachments attachments, ChatProperties properties) {
		this.batch = batch;
		this.messages = messages;
		this.attachments = attachments;
		this.maxBatch = properties.maxBatch();
		this.lanes = new Lane[properties.writeLanes()];
		for (int i = 0; i < lanes.length; i++) {
			lanes[i] = new Lane();
		}
	}

	/** Writes a {@link SendMessage#validated() validated} message; emits it once committed, or the one stored before. */
	Mono<Sent> write(CurrentUser user, UUID ticketId, SendMessage message) {
		return Mono.create(sink -> lanes[Math.floorMod(ticketId.hashCode(), lanes.length)]
			.submit(new Pending(user, ticketId, message, sink)));
	}

	/** How many transactions of messages this writer has begun, retries included. */
	long transactions() {
		return transactions.sum();
	}

	private Mono<List<Outcome>> writeAll(List<Pending> items) {
		return batch.write(items)
			.doOnSubscribe(subscription -> transactions.increment())
			.onErrorResume(ex -> recover(items, ex));
	}

	private Mono<List<Outcome>> recover(List<Pending> items, Throwable ex) {
		if (ex instanceof StoredBefore stored) {
			return answerStored(items, new HashSet<>(stored.keys()));
		}
		if (items.size() > 1) {
			log.debug("A batch of {} messages failed; writing them one at a time", items.size(), ex);
			return Flux.fromIterable(items)
				.concatMap(item -> writeAll(List.of(item)))
				.concatMapIterable(outcomes -> outcomes)
				.collectList();
		}
		return Mono.just(List.of(Outcome.failed(items.get(0), ex)));
	}

	/** Answers the messages stored by an earlier try with what is stored, and writes the others again. */
	private Mono<List<Outcome>> answerStored(List<Pending> items, Set<String> stored) {
		List<Pending> again = items.stream().filter(item -> !stored.contains(item.key())).toList();
		Mono<List<Outcome>> rest = again.isEmpty() ? Mono.just(List.of()) : writeAll(again);
		return Flux.fromIterable(items)
			.filter(item -> stored.contains(item.key()))
			.concatMap(item -> storedBefore(item)
				.map(sent -> Outcome.sent(item, sent))
				.onErrorResume(ex -> Mono.just(Outcome.failed(item, ex))))
			.concatWith(rest.flatMapIterable(outcomes -> outcomes))
			.collectList();
	}

	private Mono<Sent> storedBefore(Pending item) {
		return messages.findByClientMessageId(item.ticketId(), item.message().clientMessageId())
			.flatMap(message -> attachments.forMessages(List.of(message.id()))
				.map(files -> message.withAttachments(files.getOrDefault(message.id(), List.of()))))
			.map(message -> new Sent(message, false))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Message " + item.key() + " is gone")));
	}

	/** A message waiting for its transaction, and who waits for the answer. */
	record Pending(CurrentUser user, UUID ticketId, SendMessage message, MonoSink<Sent> sink) {

		String key() {
			return Message.key(ticketId, message.clientMessageId());
		}

	}

	/** What became of a message: sent (now or before), or failed. */
	record Outcome(Pending item, Sent sent, Throwable error) {

		static Outcome sent(Pending item, Sent sent) {
			return new Outcome(item, sent, null);
		}

		static Outcome failed(Pending item, Throwable error) {
			return new Outcome(item, null, error);
		}

		/** Answers the message's sender, or the sender of a retry that came in the same batch. */
		void answer(Pending to, boolean first) {
			if (error != null) {
				to.sink().error(error);
			}
			else {
				to.sink().success(first ? sent : new Sent(sent.message(), false));
			}
		}

	}

	/** Messages of some tickets, written a batch at a time. */
	private final class Lane {

		private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

		/** Messages submitted and not yet answered; the one who raises it from 0 starts writing. */
		private final AtomicInteger unanswered = new AtomicInteger();

		void submit(Pending item) {
			queue.add(item);
			if (unanswered.getAndIncrement() == 0) {
				writeNext();
			}
		}

		private void writeNext() {
			// One transaction per key: a retry that came in the same batch gets the first one's answer.
			Map<String, List<Pending>> byKey = new LinkedHashMap<>();
			int taken = 0;
			Pending item;
			while (taken < maxBatch && (item = queue.poll()) != null) {
				byKey.computeIfAbsent(item.key(), key -> new ArrayList<>(1)).add(item);
				taken++;
			}
			int answered = taken;
			List<Pending> first = byKey.values().stream().map(same -> same.get(0)).toList();
			writeAll(first).subscribe(outcomes -> outcomes.forEach(outcome -> {
				List<Pending> same = byKey.get(outcome.item().key());
				for (int i = 0; i < same.size(); i++) {
					outcome.answer(same.get(i), i == 0);
				}
			}), ex -> {
				log.error("Writing {} chat messages failed unexpectedly", first.size(), ex);
				byKey.values().forEach(same -> same.forEach(pending -> pending.sink().error(ex)));
				done(answered);
			}, () -> done(answered));
		}

		private void done(int answered) {
			if (unanswered.addAndGet(-answered) != 0) {
				writeNext();
			}
		}

	}

}
