package io.lifeline.realtime;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The single-node bus: an in-process multicast. */
public class LocalEventBus implements EventBus {

	private static final Sinks.EmitFailureHandler RETRY_WHEN_CONCURRENT = Sinks.EmitFailureHandler
		.busyLooping(Duration.ofSeconds(1));

	private final Sinks.Many<LoggedEvent> sink = Sinks.many().multicast().directBestEffort();

	@Override
	public String origin() {
		return "local";
	}

	@Override
	public Mono<Void> publish(LoggedEvent event) {
		return Mono.fromRunnable(() -> emit(event));
	}

	void emit(LoggedEvent event) {
		sink.emitNext(event, RETRY_WHEN_CONCURRENT);
	}

	@Override
	public Flux<LoggedEvent> events() {
		return sink.asFlux();
	}

}
