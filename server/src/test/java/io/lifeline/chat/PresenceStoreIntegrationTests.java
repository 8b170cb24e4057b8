package io.lifeline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.lifeline.realtime.RedisConnections;
import io.lifeline.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One scenario, run against every {@link PresenceStore}: what holds in memory must hold in Redis. */
class PresenceStoreIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final RedisConnections REDIS = new RedisConnections(TestRedis.url());

	static Stream<PresenceStore> stores() {
		return Stream.of(new LocalPresenceStore(), new RedisPresenceStore(REDIS.commands()));
	}

	@AfterAll
	static void close() {
		REDIS.destroy();
	}

	private final PresenceStore.Viewer alice = new PresenceStore.Viewer(UUID.randomUUID(), "Alice | Chen", "AGENT");

	private final PresenceStore.Viewer bob = new PresenceStore.Viewer(UUID.randomUUID(), "Bob", "SUPERVISOR");

	@ParameterizedTest
	@MethodSource("stores")
	void viewersAreListedOnceWhateverTheirSessions(PresenceStore store) {
		UUID ticket = UUID.randomUUID();
		store.touch(ticket, alice, "s1", 10_000).block(WAIT);
		store.touch(ticket, alice, "s2", 10_000).block(WAIT);
		store.touch(ticket, bob, "s3", 10_000).block(WAIT);
		assertThat(store.viewers(ticket, 1_000).block(WAIT)).containsExactlyInAnyOrder(alice, bob);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void entriesFadeWhenNotRefreshed(PresenceStore store) {
		UUID ticket = UUID.randomUUID();
		store.touch(ticket, alice, "s1", 5_000).block(WAIT);
		store.touch(ticket, bob, "s2", 20_000).block(WAIT);
		assertThat(store.viewers(ticket, 6_000).block(WAIT)).containsExactly(bob);
		store.touch(ticket, alice, "s1", 30_000).block(WAIT);
		assertThat(store.viewers(ticket, 6_000).block(WAIT)).containsExactlyInAnyOrder(alice, bob);
	}

	@ParameterizedTest
	@MethodSource("stores")
	void leavingRemovesOnlyThatSession(PresenceStore store) {
		UUID ticket = UUID.randomUUID();
		store.touch(ticket, alice, "s1", 10_000).block(WAIT);
		store.touch(ticket, alice, "s2", 10_000).block(WAIT);
		store.remove(ticket, alice, "s1").block(WAIT);
		assertThat(store.viewers(ticket, 1_000).block(WAIT)).containsExactly(alice);
		store.remove(ticket, alice, "s2").block(WAIT);
		assertThat(store.viewers(ticket, 1_000).block(WAIT)).isEqualTo(List.of());
	}

}
