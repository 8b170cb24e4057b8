package io.lifeline.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.SecretKey;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Login tokens: HMAC-SHA256 signed JWTs that name the user, their role and when they stop working. The same
 * verification serves HTTP ({@code Authorization: Bearer}) and STOMP's CONNECT frame.
 */
public class TokenService {

	static final String ISSUER = "lifeline";

	private final JwtEncoder encoder;

	private final NimbusReactiveJwtDecoder decoder;

	private final Clock clock;

	private final Duration ttl;

	TokenService(SecretKey key, Clock clock, Duration ttl) {
		this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
		this.decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER)));
		this.clock = clock;
		this.ttl = ttl;
	}

	IssuedToken issue(User user) {
		return issue(user, ttl);
	}

	/** A token for a user with its own lifetime: the read-only wall-board tokens. */
	public IssuedToken issue(User user, Duration lifetime) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.id().toString())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim("username", user.username())
			.claim("name", user.displayName())
			.claim("role", user.role().name())
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

	/** The user a token names; an error for a forged, malformed or expired one. */
	public Mono<VerifiedToken> verify(String token) {
		return decoder.decode(token).map(jwt -> new VerifiedToken(currentUser(jwt), jwt.getExpiresAt()));
	}

	ReactiveJwtDecoder decoder() {
		return decoder;
	}

	static CurrentUser currentUser(Jwt jwt) {
		return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("username"),
				jwt.getClaimAsString("name"), Role.valueOf(jwt.getClaimAsString("role")));
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}

	/** A token that checked out, and when it stops being good. */
	public record VerifiedToken(CurrentUser user, Instant expiresAt) {
	}

}
