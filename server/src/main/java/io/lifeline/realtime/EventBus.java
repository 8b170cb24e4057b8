package io.lifeline.realtime;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries committed events to every node. It is only the fast path: the event log is the truth, and a node that
 * misses something here finds it there (gap fill and polling in {@link StreamHub}).
 * <p>
 * Two implementations: {@link LocalEventBus} for one node (the embedded default) and {@link RedisEventBus} (Redis
 * pub/sub through Lettuce) for several.
 */
public interface EventBus {

	/** This process's name on the bus, unique per process even when two share a host name. */
	String origin();

	/** Hands the event to this node's subscribers and to every other node; never fails the caller. */
	Mono<Void> publish(LoggedEvent event);

	/** Hands events to the bus, in their order; an implementation may send them to other nodes together. */
	default Mono<Void> publishAll(List<LoggedEvent> events) {
		return Flux.fromIterable(events).concatMap(this::publish).then();
	}

	/** Events from every node, this one included. Hot: what is published before subscribing is not replayed. */
	Flux<LoggedEvent> events();

}
