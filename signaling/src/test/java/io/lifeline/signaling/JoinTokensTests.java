package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinTokensTests {

	static final byte[] SECRET = "join-token-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

	private final JoinTokens tokens = new JoinTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

	static JoinClaims claims(Instant expiresAt) {
		return new JoinClaims("s-1", "u-1", ParticipantRole.AGENT, Set.of(Scope.VIEW, Scope.POINTER), "t-1", expiresAt,
				expiresAt.plus(Duration.ofMinutes(30)));
	}

	@Test
	void aTokenItIssuedVerifiesToTheSameClaims() throws InvalidJoinToken {
		JoinClaims claims = claims(NOW.plusSeconds(60));
		assertThat(tokens.verify(tokens.issue(claims))).isEqualTo(claims);
	}

	@Test
	void anExpiredTokenIsRefusedButItsClaimsAreKnown() {
		String token = tokens.issue(claims(NOW));
		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidJoinToken.class)
			.hasMessage("token expired")
			.satisfies(ex -> assertThat(((InvalidJoinToken) ex).authentic()).contains(claims(NOW)));
	}

	@Test
	void aTokenSignedWithAnotherSecretIsRefused() {
		JoinTokens other = new JoinTokens("another-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8),
				Clock.fixed(NOW, ZoneOffset.UTC));
		String forged = other.issue(claims(NOW.plusSeconds(60)));
		assertThatThrownBy(() -> tokens.verify(forged)).hasMessage("bad signature")
			.satisfies(ex -> assertThat(((InvalidJoinToken) ex).authentic()).isEmpty());
	}

	@Test
	void changingTheClaimsBreaksTheSignature() {
		String token = tokens.issue(claims(NOW.plusSeconds(60)));
		String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);
		String widened = payload.replace("\"pointer\"", "\"control\"");
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8))
				+ token.substring(token.indexOf('.'));
		assertThatThrownBy(() -> tokens.verify(tampered)).hasMessage("bad signature");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "a.b.c", ".sig", "payload.!!!", "eyJ9.eyJ9" })
	void garbageIsRefused(String token) {
		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidJoinToken.class);
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatThrownBy(() -> new JoinTokens(new byte[16], Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
