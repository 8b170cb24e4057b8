package io.lifeline.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Event fan-out and replay.
 *
 * @param redisUrl {@code redis://host:6379} ({@code LIFELINE_REDIS_URL}); empty fans out in-process (one node)
 * @param channel the Redis pub/sub channel events travel on; default {@value #DEFAULT_CHANNEL}
 * @param replayLimit how many events a {@code resume-after} may replay before the client is told to resync
 * ({@code resync.required}) instead; default {@value #DEFAULT_REPLAY_LIMIT}
 * @param pollInterval how often a node checks the log for events the bus did not bring (a lost publish, a Redis
 * outage); default {@link #DEFAULT_POLL_INTERVAL}
 */
@ConfigurationProperties("lifeline.realtime")
public record RealtimeProperties(String redisUrl, String channel, Integer replayLimit, Duration pollInterval) {

	public static final String DEFAULT_CHANNEL = "lifeline:events";

	public static final int DEFAULT_REPLAY_LIMIT = 1000;

	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	public RealtimeProperties {
		channel = (channel == null || channel.isBlank()) ? DEFAULT_CHANNEL : channel;
		replayLimit = replayLimit == null ? DEFAULT_REPLAY_LIMIT : replayLimit;
		pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
	}

	public boolean redis() {
		return redisUrl != null && !redisUrl.isBlank();
	}

}
