package io.lifeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.lifeline.support.SettableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(
			new SecurityProperties.Login(3, 5, Duration.ofMinutes(15)), clock);

	@Test
	void blocksAUsernameAfterItsFailuresUntilTheWindowMovesOn() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.retryAfter("alice", "10.0.0." + i)).isEmpty();
			throttle.failed("alice", "10.0.0." + i);
		}
		assertThat(throttle.retryAfter("Alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.retryAfter("alice", "10.0.0.9")).contains(Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(5));
		assertThat(throttle.retryAfter("alice", "10.0.0.9")).isEmpty();
		assertThat(throttle.retryAfter("bob", "10.0.0.9")).isEmpty();
	}

	@Test
	void blocksAnAddressThatGuessesManyUsernames() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("user" + i, "192.0.2.1");
		}
		assertThat(throttle.retryAfter("someone-else", "192.0.2.1")).isPresent();
		assertThat(throttle.retryAfter("someone-else", "192.0.2.2")).isEmpty();
	}

	@Test
	void successClearsTheUsernamesFailures() {
		throttle.failed("carol", "a");
		throttle.failed("carol", "a");
		throttle.succeeded("carol");
		throttle.failed("carol", "a");
		throttle.failed("carol", "a");
		assertThat(throttle.retryAfter("carol", "b")).isEmpty();
	}

}
