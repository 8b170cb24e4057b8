package io.lifeline.signaling;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The settings of signaling run as its own process, from environment variables.
 *
 * @param host {@code SIGNALING_HOST}, default {@value #DEFAULT_HOST}
 * @param port {@code PORT}, default {@value #DEFAULT_PORT}
 * @param secret {@code LIFELINE_SIGNALING_SECRET}: the key join tokens are signed with, shared with the servers
 * that issue them; required, at least {@value JoinTokens#MIN_SECRET_BYTES} bytes
 * @param redisUrl {@code LIFELINE_REDIS_URL}: the Redis the servers use; empty runs one node on its own (and the
 * servers cannot reach it to close sessions, so set it in production)
 * @param channel {@code LIFELINE_SIGNAL_CHANNEL}, the pub/sub channel; default {@value RedisSignalBus#DEFAULT_CHANNEL}
 */
public record StandaloneSettings(String host, int port, byte[] secret, String redisUrl, String channel) {

	public static final String DEFAULT_HOST = "0.0.0.0";

	public static final int DEFAULT_PORT = 8090;

	public static StandaloneSettings from(Map<String, String> env) {
		String secret = env.getOrDefault("LIFELINE_SIGNALING_SECRET", "");
		if (secret.getBytes(StandardCharsets.UTF_8).length < JoinTokens.MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("Set LIFELINE_SIGNALING_SECRET (at least " + JoinTokens.MIN_SECRET_BYTES
					+ " bytes) to the value the Lifeline servers have");
		}
		String port = env.getOrDefault("PORT", "");
		return new StandaloneSettings(blank(env.get("SIGNALING_HOST")) ? DEFAULT_HOST : env.get("SIGNALING_HOST"),
				blank(port) ? DEFAULT_PORT : Integer.parseInt(port.strip()), secret.getBytes(StandardCharsets.UTF_8),
				blank(env.get("LIFELINE_REDIS_URL")) ? null : env.get("LIFELINE_REDIS_URL").strip(),
				blank(env.get("LIFELINE_SIGNAL_CHANNEL")) ? RedisSignalBus.DEFAULT_CHANNEL
						: env.get("LIFELINE_SIGNAL_CHANNEL").strip());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
