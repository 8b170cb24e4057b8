package io.lifeline.wallboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The wall board.
 *
 * @param agentsAllowed whether agents, not only supervisors, may watch the wall board; default false
 * @param window the rolling period the medians, averages and rates cover; default {@link #DEFAULT_WINDOW}
 * @param pushInterval the least time between two pushes on {@code /topic/wallboard}; default
 * {@link #DEFAULT_PUSH_INTERVAL} (at most four a second)
 * @param tokenTtl how long a read-only wall-board token works; default {@link #DEFAULT_TOKEN_TTL}
 */
@ConfigurationProperties("lifeline.wallboard")
public record WallboardProperties(boolean agentsAllowed, Duration window, Duration pushInterval, Duration tokenTtl) {

	public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

	public static final Duration DEFAULT_PUSH_INTERVAL = Duration.ofMillis(250);

	public static final Duration DEFAULT_TOKEN_TTL = Duration.ofDays(30);

	public WallboardProperties {
		window = window == null ? DEFAULT_WINDOW : window;
		pushInterval = pushInterval == null ? DEFAULT_PUSH_INTERVAL : pushInterval;
		tokenTtl = tokenTtl == null ? DEFAULT_TOKEN_TTL : tokenTtl;
	}

}
