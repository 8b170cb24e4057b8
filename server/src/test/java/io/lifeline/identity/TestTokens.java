package io.lifeline.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.crypto.SecretKey;

/** Login tokens for tests outside this package. */
public final class TestTokens {

	private TestTokens() {
	}

	public static TokenService service(SecretKey key, Clock clock, Duration ttl) {
		return new TokenService(key, clock, ttl);
	}

	public static String issue(SecretKey key, Clock clock, Duration ttl, UUID id, String username, Role role) {
		return service(key, clock, ttl).issue(new User(id, username, username, role)).token();
	}

}
