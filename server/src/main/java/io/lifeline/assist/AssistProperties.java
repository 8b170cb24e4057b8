package io.lifeline.assist;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Remote assistance: timing, ICE servers and signaling.
 *
 * @param stunUrls STUN URLs handed to browsers ({@code LIFELINE_STUN_URLS}, comma-separated); default none
 * @param turnUrls TURN URLs handed to browsers after consent ({@code LIFELINE_TURN_URLS}); default none
 * @param turnSecret coturn's {@code static-auth-secret} ({@code LIFELINE_TURN_SECRET}); required with TURN URLs
 * @param turnCredentialTtl how long a TURN credential works; default {@link #DEFAULT_TURN_CREDENTIAL_TTL}, longer
 * than any consent
 * @param requestTimeout an unanswered request expires after this; default {@link #DEFAULT_REQUEST_TIMEOUT}
 * @param consentDuration a consent ends by itself after this; default {@link #DEFAULT_CONSENT_DURATION}
 * @param joinTokenTtl a join token must be used within this; default {@link #DEFAULT_JOIN_TOKEN_TTL}
 * @param claimInterval how often each node claims sessions due to expire; default {@link #DEFAULT_CLAIM_INTERVAL}
 * @param signalingUrl the {@code ws(s)://…/signal} browsers are sent to ({@code LIFELINE_SIGNALING_URL}); default
 * this server's own {@code /signal}, as the browser reached it
 * @param signalingSecret the key join tokens are signed with ({@code LIFELINE_SIGNALING_SECRET}, at least 32 bytes);
 * default derived from {@code LIFELINE_TOKEN_SECRET} (so every node agrees), random per process without one; set it
 * when signaling runs as its own process
 * @param signalChannel the Redis pub/sub channel of signaling; default {@value #DEFAULT_SIGNAL_CHANNEL}
 */
@ConfigurationProperties("lifeline.assist")
public record AssistProperties(List<String> stunUrls, List<String> turnUrls, String turnSecret,
		Duration turnCredentialTtl, Duration requestTimeout, Duration consentDuration, Duration joinTokenTtl,
		Duration claimInterval, String signalingUrl, String signalingSecret, String signalChannel) {

	public static final Duration DEFAULT_TURN_CREDENTIAL_TTL = Duration.ofHours(1);

	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

	public static final Duration DEFAULT_CONSENT_DURATION = Duration.ofMinutes(30);

	public static final Duration DEFAULT_JOIN_TOKEN_TTL = Duration.ofSeconds(60);

	public static final Duration DEFAULT_CLAIM_INTERVAL = Duration.ofMillis(500);

	public static final String DEFAULT_SIGNAL_CHANNEL = "lifeline:signal";

	public AssistProperties {
		stunUrls = urls(stunUrls);
		turnUrls = urls(turnUrls);
		turnCredentialTtl = positive(turnCredentialTtl, DEFAULT_TURN_CREDENTIAL_TTL);
		requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT);
		consentDuration = positive(consentDuration, DEFAULT_CONSENT_DURATION);
		joinTokenTtl = positive(joinTokenTtl, DEFAULT_JOIN_TOKEN_TTL);
		claimInterval = positive(claimInterval, DEFAULT_CLAIM_INTERVAL);
		signalingUrl = blank(signalingUrl) ? null : signalingUrl.strip();
		signalingSecret = blank(signalingSecret) ? null : signalingSecret;
		signalChannel = blank(signalChannel) ? DEFAULT_SIGNAL_CHANNEL : signalChannel.strip();
	}

	private static List<String> urls(List<String> urls) {
		return urls == null ? List.of() : urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
	}

	private static Duration positive(Duration value, Duration fallback) {
		return value == null || value.isZero() || value.isNegative() ? fallback : value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
