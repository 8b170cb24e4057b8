package io.lifeline.signaling;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries {@link Dispatch}es to every signaling node, this one included, each once. Two implementations:
 * {@link LocalSignalBus} in process (one node) and {@link RedisSignalBus} (Redis pub/sub through Lettuce).
 */
public interface SignalBus {

	Mono<Void> publish(Dispatch dispatch);

	/** Dispatches from every node. Hot: what was published before subscribing is not replayed. */
	Flux<Dispatch> dispatches();

}
