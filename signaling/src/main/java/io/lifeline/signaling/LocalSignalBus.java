package io.lifeline.signaling;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/** The in-process bus: each listener has its own serialized sink, so publishing from many threads never blocks. */
public final class LocalSignalBus implements SignalBus {

	private final Set<Consumer<Dispatch>> listeners = new CopyOnWriteArraySet<>();

	@Override
	public Mono<Void> publish(Dispatch dispatch) {
		return Mono.fromRunnable(() -> emit(dispatch));
	}

	void emit(Dispatch dispatch) {
		listeners.forEach(listener -> listener.accept(dispatch));
	}

	@Override
	public Flux<Dispatch> dispatches() {
		return Flux.create(sink -> {
			Consumer<Dispatch> listener = sink::next;
			listeners.add(listener);
			sink.onDispose(() -> listeners.remove(listener));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

}
