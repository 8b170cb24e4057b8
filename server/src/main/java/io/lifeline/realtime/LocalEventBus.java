package io.lifeline.realtime;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The single-node bus: in-process. Each subscriber has its own serialized sink, so publishing from many threads,
 * or from inside a delivery, queues instead of blocking.
 */
public class LocalEventBus implements EventBus {

	private final Set<Consumer<LoggedEvent>> listeners = new CopyOnWriteArraySet<>();

	@Override
	public String origin() {
		return "local";
	}

	@Override
	public Mono<Void> publish(LoggedEvent event) {
		return Mono.fromRunnable(() -> emit(event));
	}

	void emit(LoggedEvent event) {
		listeners.forEach(listener -> listener.accept(event));
	}

	@Override
	public Flux<LoggedEvent> events() {
		return Flux.create(sink -> {
			Consumer<LoggedEvent> listener = sink::next;
			listeners.add(listener);
			sink.onDispose(() -> listeners.remove(listener));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

}
