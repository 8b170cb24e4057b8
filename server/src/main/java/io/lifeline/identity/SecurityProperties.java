package io.lifeline.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login tokens, browser origins and login throttling.
 *
 * @param tokenSecret HMAC-SHA256 key for login tokens, at least {@value #MIN_SECRET_BYTES} bytes
 * ({@code LIFELINE_TOKEN_SECRET}); required outside demo mode, where a random one is made per process
 * @param tokenTtl how long a login token is good for ({@code LIFELINE_TOKEN_TTL}); default {@link #DEFAULT_TOKEN_TTL},
 * one shift
 * @param allowedOrigins origins allowed to open WebSockets ({@code LIFELINE_ALLOWED_ORIGINS}, comma-separated);
 * empty allows only the server's own origin
 * @param login how hard guessing passwords is made
 */
@ConfigurationProperties("lifeline.security")
public record SecurityProperties(String tokenSecret, Duration tokenTtl, List<String> allowedOrigins, Login login) {

	public static final int MIN_SECRET_BYTES = 32;

	public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(8);

	public SecurityProperties {
		tokenTtl = (tokenTtl == null || tokenTtl.isZero() || tokenTtl.isNegative()) ? DEFAULT_TOKEN_TTL : tokenTtl;
		allowedOrigins = allowedOrigins == null ? List.of()
				: allowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		login = login == null ? new Login(null, null, null) : login;
		if (tokenSecret != null && !tokenSecret.isBlank()
				&& tokenSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException(
					"LIFELINE_TOKEN_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
		}
	}

	public boolean hasTokenSecret() {
		return tokenSecret != null && !tokenSecret.isBlank();
	}

	/**
	 * Failed logins are counted per username and per client address over a sliding window; past either limit the
	 * login answers 429 until the window has moved on, even with the right password.
	 *
	 * @param maxFailuresPerUsername default {@value #DEFAULT_MAX_FAILURES_PER_USERNAME}
	 * @param maxFailuresPerAddress default {@value #DEFAULT_MAX_FAILURES_PER_ADDRESS}
	 * @param window default {@link #DEFAULT_WINDOW}
	 */
	public record Login(Integer maxFailuresPerUsername, Integer maxFailuresPerAddress, Duration window) {

		public static final int DEFAULT_MAX_FAILURES_PER_USERNAME = 10;

		public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 50;

		public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

		public Login {
			maxFailuresPerUsername = maxFailuresPerUsername == null ? DEFAULT_MAX_FAILURES_PER_USERNAME
					: maxFailuresPerUsername;
			maxFailuresPerAddress = maxFailuresPerAddress == null ? DEFAULT_MAX_FAILURES_PER_ADDRESS
					: maxFailuresPerAddress;
			window = window == null ? DEFAULT_WINDOW : window;
		}

	}

}
