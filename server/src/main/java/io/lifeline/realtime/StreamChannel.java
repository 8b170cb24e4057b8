package io.lifeline.realtime;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stream's delivery on this node. Everything that touches the stream's position (a live event, a gap to fill,
 * a subscriber joining with {@code resume-after}) goes through one serialized pipeline, so subscribers receive the
 * stream's durable events exactly once and in seq order: a gap is filled from the log before anything after it is
 * delivered, and a resuming subscriber is replayed and joined between two live events, never during one.
 */
final class StreamChannel {

	private static final Logger log = LoggerFactory.getLogger(StreamChannel.class);

	static final int PAGE = 500;

	private final String stream;

	private final EventLog eventLog;

	private final JsonMapper json;

	private final int replayLimit;

	private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final AtomicInteger joining = new AtomicInteger();

	/**
	 * Signals wait here and are processed one at a time by whichever thread finds the channel idle (a drain loop):
	 * offering never blocks or spins, even when it happens on the very thread that is processing, as it does when a
	 * database event loop completes one query and commits another transaction in the same breath.
	 */
	private final Queue<Signal> inbox = new ConcurrentLinkedQueue<>();

	private final AtomicInteger wip = new AtomicInteger();

	/** A signal's asynchronous work (a read from the log) is under way; the next waits for it. */
	private volatile boolean busy;

	private volatile boolean closed;

	/** The last seq delivered here; -1 until read from the log. Written only by the pipeline. */
	private volatile long head = -1;

	StreamChannel(String stream, EventLog eventLog, JsonMapper json, int replayLimit) {
		this.stream = stream;
		this.eventLog = eventLog;
		this.json = json;
		this.replayLimit = replayLimit;
	}

	String stream() {
		return stream;
	}

	long head() {
		return head;
	}

	void live(LoggedEvent event) {
		offer(new Live(event));
	}

	void fillTo(long seq) {
		offer(new FillTo(seq));
	}

	/** Keeps the channel open for a join about to happen; call inside the hub's map update. */
	StreamChannel reserve() {
		joining.incrementAndGet();
		return this;
	}

	/** Joins a subscriber; the channel must have been {@link #reserve() reserved} for it. */
	Mono<Void> join(StreamSubscriber subscriber, Long resumeAfter) {
		Sinks.One<Void> joined = Sinks.one();
		offer(new Join(subscriber, resumeAfter, joined));
		return joined.asMono();
	}

	void leave(StreamSubscriber subscriber) {
		subscribers.remove(subscriber);
	}

	boolean idle() {
		return subscribers.isEmpty() && joining.get() == 0;
	}

	int size() {
		return subscribers.size();
	}

	void close() {
		closed = true;
		inbox.clear();
	}

	private void offer(Signal signal) {
		if (closed) {
			return;
		}
		inbox.offer(signal);
		drain();
	}

	private void drain() {
		if (wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		while (true) {
			while (!busy && !closed) {
				Signal signal = inbox.poll();
				if (signal == null) {
					break;
				}
				busy = true;
				Mono.defer(() -> process(signal)).subscribe(null, ex -> {
					log.warn("Stream {}: {} failed; the next poll retries", stream, signal, ex);
					done();
				}, this::done);
			}
			missed = wip.addAndGet(-missed);
			if (missed == 0) {
				return;
			}
		}
	}

	private void done() {
		busy = false;
		drain();
	}

	private Mono<Void> process(Signal signal) {
		return switch (signal) {
			case Live live when !live.event().durable() -> Mono.fromRunnable(() -> deliverToAll(live.event()));
			case Live live -> knownHead().then(Mono.defer(() -> onLive(live.event())));
			case FillTo fill -> knownHead().then(Mono.defer(() -> fill(fill.seq())));
			case Join join -> knownHead().then(Mono.defer(() -> onJoin(join)))
				.doFinally(s -> joining.decrementAndGet())
				.doOnSuccess(v -> join.joined().tryEmitEmpty())
				.doOnError(join.joined()::tryEmitError);
		};
	}

	private Mono<Void> knownHead() {
		return head >= 0 ? Mono.empty() : eventLog.head(stream).doOnNext(seq -> head = seq).then();
	}

	private Mono<Void> onLive(LoggedEvent event) {
		if (event.seq() <= head) {
			return Mono.empty();
		}
		if (event.seq() == head + 1) {
			deliverToAll(event);
			head = event.seq();
			return Mono.empty();
		}
		return fill(event.seq());
	}

	/** Reads {@code (head, upTo]} from the log and delivers it, page by page. */
	private Mono<Void> fill(long upTo) {
		if (upTo <= head) {
			return Mono.empty();
		}
		return eventLog.range(stream, head, upTo, PAGE)
			.doOnNext(event -> {
				deliverToAll(event);
				head = event.seq();
			})
			.count()
			.flatMap(read -> read == PAGE && head < upTo ? fill(upTo) : Mono.empty());
	}

	private Mono<Void> onJoin(Join join) {
		StreamSubscriber subscriber = join.subscriber();
		Long after = join.resumeAfter();
		if (after == null || after >= head) {
			subscribers.add(subscriber);
			return Mono.empty();
		}
		if (head - after > replayLimit) {
			subscriber.resyncRequired(stream, head);
			subscribers.add(subscriber);
			return Mono.empty();
		}
		return replay(subscriber, after).then(Mono.fromRunnable(() -> subscribers.add(subscriber)));
	}

	private Mono<Void> replay(StreamSubscriber subscriber, long after) {
		return eventLog.range(stream, after, head, replayLimit)
			.doOnNext(event -> {
				if (visible(event, subscriber)) {
					subscriber.deliver(event, event.body(json));
				}
			})
			.then();
	}

	private void deliverToAll(LoggedEvent event) {
		if (subscribers.isEmpty()) {
			return;
		}
		byte[] body = event.body(json);
		for (StreamSubscriber subscriber : subscribers) {
			if (visible(event, subscriber)) {
				subscriber.deliver(event, body);
			}
		}
	}

	private static boolean visible(LoggedEvent event, StreamSubscriber subscriber) {
		return event.audience() == Audience.ALL || subscriber.staff();
	}

	private sealed interface Signal {
	}

	private record Live(LoggedEvent event) implements Signal {
	}

	private record FillTo(long seq) implements Signal {
	}

	private record Join(StreamSubscriber subscriber, Long resumeAfter, Sinks.One<Void> joined) implements Signal {
	}

}
