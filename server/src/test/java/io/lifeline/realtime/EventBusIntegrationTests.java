package io.lifeline.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.lifeline.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * One scenario, run against both buses: a node hears its own events at once; with Redis, other nodes hear them
 * too, and nobody hears an event twice.
 */
class EventBusIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RedisConnections REDIS = new RedisConnections(TestRedis.url());

	@AfterAll
	static void close() {
		REDIS.destroy();
	}

	static Stream<Arguments> buses() {
		String channel = "lifeline:test:" + UUID.randomUUID();
		Supplier<EventBus> local = LocalEventBus::new;
		Supplier<EventBus> redis = () -> new RedisEventBus(REDIS, channel, "node", JSON);
		return Stream.of(Arguments.of("in-process", local), Arguments.of("redis", redis));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("buses")
	void aNodeHearsItsOwnEventsOnceAndInOrder(String name, Supplier<EventBus> buses) {
		EventBus bus = buses.get();
		Flux<Long> heard = bus.events().map(LoggedEvent::seq).take(3);
		StepVerifier.create(heard)
			.then(() -> Flux.just(1L, 2L, 3L).concatMap(seq -> bus.publish(event(bus, seq))).blockLast())
			.expectNext(1L, 2L, 3L)
			.expectNoEvent(Duration.ofMillis(300))
			.thenCancel()
			.verify(Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("buses")
	void otherNodesHearItOnlyThroughRedis(String name, Supplier<EventBus> buses) {
		EventBus one = buses.get();
		EventBus other = buses.get();
		boolean shared = one instanceof RedisEventBus;
		Flux<LoggedEvent> heard = other.events().take(Duration.ofSeconds(2));
		StepVerifier.create(heard.map(LoggedEvent::seq).collectList())
			.then(() -> awaitSubscribed(other))
			.then(() -> one.publish(event(one, 7)).block())
			.assertNext(seqs -> assertThat(seqs).isEqualTo(shared ? List.of(7L) : List.of()))
			.verifyComplete();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("buses")
	void eventsPublishedTogetherArriveInTheirOrderOnEveryNode(String name, Supplier<EventBus> buses) {
		EventBus one = buses.get();
		EventBus other = buses.get();
		List<Long> seqs = LongStream.rangeClosed(1, 500).boxed().toList();
		List<Long> expectedElsewhere = one instanceof RedisEventBus ? seqs : List.of();
		Flux<LoggedEvent> here = one.events().take(seqs.size());
		Flux<LoggedEvent> elsewhere = other.events().take(Duration.ofSeconds(3));
		StepVerifier.create(Flux.zip(here.map(LoggedEvent::seq).collectList(),
				elsewhere.map(LoggedEvent::seq).collectList()))
			.then(() -> awaitSubscribed(other))
			.then(() -> one.publishAll(seqs.stream().map(seq -> event(one, seq)).toList()).block())
			.assertNext(heard -> {
				assertThat(heard.getT1()).containsExactlyElementsOf(seqs);
				assertThat(heard.getT2()).containsExactlyElementsOf(expectedElsewhere);
			})
			.verifyComplete();
	}

	/** Redis subscriptions take a moment; publish only once the other side listens. */
	private static void awaitSubscribed(EventBus bus) {
		if (bus instanceof RedisEventBus) {
			REDIS.commands()
				.flatMapMany(c -> Flux.interval(Duration.ofMillis(50))
					.concatMap(tick -> c.reactive().pubsubNumsub(((RedisEventBus) bus).channel()))
					.filter(counts -> counts.values().stream().anyMatch(n -> n > 0)))
				.next()
				.block(Duration.ofSeconds(10));
		}
	}

	private static LoggedEvent event(EventBus bus, long seq) {
		return new LoggedEvent(new Event(seq, "test", "test.event", Instant.now(), null, JSON.createObjectNode()),
				Audience.ALL, bus.origin());
	}

}
