package io.lifeline.realtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * This node's side of real time: the streams its sessions subscribe to, fed from the {@link EventBus} and, for
 * whatever the bus does not bring, from the {@link EventLog} (a gap seen in a stream is filled at once; a stream
 * that fell silent is checked every {@code poll-interval}). Streams nobody here subscribes to cost nothing.
 */
public class StreamHub implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

	static final int POLL_BATCH = 1000;

	private final EventBus bus;

	private final EventLog eventLog;

	private final JsonMapper json;

	private final RealtimeProperties properties;

	private final Scheduler pollScheduler;

	private final Scheduler deliveryScheduler;

	private final Map<String, StreamChannel> channels = new ConcurrentHashMap<>();

	private final Disposable.Composite running = Disposables.composite();

	public StreamHub(EventBus bus, EventLog eventLog, JsonMapper json, RealtimeProperties properties,
			Scheduler pollScheduler, Scheduler deliveryScheduler) {
		this.deliveryScheduler = deliveryScheduler;
		this.bus = bus;
		this.eventLog = eventLog;
		this.json = json;
		this.properties = properties;
		this.pollScheduler = pollScheduler;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Deliveries run off the thread that published: often a database event loop, which must stay free for queries.
		running.add(bus.events()
			.publishOn(deliveryScheduler)
			.subscribe(this::route, ex -> log.error("The event bus failed", ex)));
		running.add(Flux.interval(properties.pollInterval(), pollScheduler)
			.onBackpressureDrop()
			.concatMap(tick -> poll().onErrorResume(ex -> {
				log.warn("Polling the event log failed; retrying next tick", ex);
				return Mono.empty();
			}), 0)
			.subscribe());
	}

	/**
	 * Subscribes to a stream from now on, or, with {@code resumeAfter}, from just after that seq (replayed from the
	 * log first, or a resync when that is too far back). Completes once the subscriber is live.
	 */
	public Mono<Void> join(String stream, StreamSubscriber subscriber, Long resumeAfter) {
		StreamChannel channel = channels.compute(stream,
				(name, current) -> (current == null ? open(name) : current).reserve());
		return channel.join(subscriber, resumeAfter);
	}

	public void leave(String stream, StreamSubscriber subscriber) {
		StreamChannel channel = channels.get(stream);
		if (channel == null) {
			return;
		}
		channel.leave(subscriber);
		channels.computeIfPresent(stream, (name, current) -> {
			if (current.idle()) {
				current.close();
				return null;
			}
			return current;
		});
	}

	/** Subscribers on this node, per stream (for tests and metrics). */
	public int subscribers(String stream) {
		StreamChannel channel = channels.get(stream);
		return channel == null ? 0 : channel.size();
	}

	/** Checks the log for events past what each stream here has delivered, and fills them in. */
	Mono<Void> poll() {
		List<String> streams = List.copyOf(channels.keySet());
		return Flux.fromIterable(streams)
			.buffer(POLL_BATCH)
			.concatMap(eventLog::heads)
			.doOnNext(heads -> heads.forEach((stream, seq) -> {
				StreamChannel channel = channels.get(stream);
				if (channel != null && channel.head() >= 0 && seq > channel.head()) {
					channel.fillTo(seq);
				}
			}))
			.then();
	}

	/**
	 * Hands an ephemeral event to this node's subscribers only, not to the bus: for figures every node computes
	 * itself (the wall board), which would otherwise reach each subscriber once per node.
	 */
	public void deliverLocally(LoggedEvent event) {
		route(event);
	}

	private void route(LoggedEvent event) {
		StreamChannel channel = channels.get(event.stream());
		if (channel != null) {
			channel.live(event);
		}
	}

	private StreamChannel open(String stream) {
		return new StreamChannel(stream, eventLog, json, properties.replayLimit());
	}

	@Override
	public void destroy() {
		running.dispose();
		channels.values().forEach(StreamChannel::close);
		channels.clear();
	}

}
