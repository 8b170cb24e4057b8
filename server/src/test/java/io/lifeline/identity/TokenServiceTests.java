package io.lifeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import io.lifeline.support.SettableClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TokenServiceTests {

	private static final SecretKeySpec KEY = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(),
			"HmacSHA256");

	private final SettableClock clock = new SettableClock(
			Instant.parse("2026-11-22T08:00:00Z"));

	private final TokenService tokens = new TokenService(KEY, clock, Duration.ofHours(8));

	private final User carol = new User(UUID.randomUUID(), "carol", "Carol Lee", Role.CUSTOMER);

	@Test
	void aTokenNamesItsUserUntilItExpires() {
		TokenService.IssuedToken issued = tokens.issue(carol);
		assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
		StepVerifier.create(tokens.verify(issued.token()))
			.assertNext(verified -> {
				assertThat(verified.user()).isEqualTo(new CurrentUser(carol.id(), "carol", "Carol Lee", Role.CUSTOMER));
				assertThat(verified.expiresAt()).isEqualTo(issued.expiresAt());
			})
			.verifyComplete();
		clock.advance(Duration.ofHours(8).plusSeconds(1));
		StepVerifier.create(tokens.verify(issued.token())).expectError().verify();
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefused() {
		TokenService other = new TokenService(new SecretKeySpec("another-key-another-key-another-k".getBytes(),
				"HmacSHA256"), clock, Duration.ofHours(8));
		StepVerifier.create(tokens.verify(other.issue(carol).token())).expectError().verify();
	}

}
