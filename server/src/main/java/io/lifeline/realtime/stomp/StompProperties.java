package io.lifeline.realtime.stomp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and timing of the STOMP endpoint at {@code /ws}. Each has a named default; a client that breaks a limit
 * gets an ERROR frame and is disconnected, and nobody else notices.
 *
 * @param maxFrameSize largest STOMP frame accepted, in bytes; default {@value #DEFAULT_MAX_FRAME_SIZE} (64 KiB)
 * @param maxHeaders most headers one frame may carry; default {@value #DEFAULT_MAX_HEADERS}
 * @param maxHeaderLength longest header (name and value) in characters; default {@value #DEFAULT_MAX_HEADER_LENGTH}
 * @param maxSubscriptions most subscriptions one session may hold; default {@value #DEFAULT_MAX_SUBSCRIPTIONS}
 * @param maxFramesPerSecond frames (heart-beats aside) a session may send per second, with a burst of as many;
 * default {@value #DEFAULT_MAX_FRAMES_PER_SECOND}
 * @param outboundQueue frames queued for one session before it counts as a slow consumer and is disconnected;
 * default {@value #DEFAULT_OUTBOUND_QUEUE}
 * @param heartbeatSend how often the server offers to send heart-beats; default {@link #DEFAULT_HEARTBEAT_SEND}
 * @param heartbeatReceive how often the server asks clients for heart-beats; default
 * {@link #DEFAULT_HEARTBEAT_RECEIVE}
 * @param heartbeatTolerance how many negotiated client intervals may pass in silence before the session is closed;
 * default {@value #DEFAULT_HEARTBEAT_TOLERANCE}
 * @param connectTimeout how long a new connection has to send CONNECT; default {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param tick how often sessions are checked for heart-beats, silence and expired tokens; default
 * {@link #DEFAULT_TICK}
 */
@ConfigurationProperties("lifeline.stomp")
public record StompProperties(Integer maxFrameSize, Integer maxHeaders, Integer maxHeaderLength,
		Integer maxSubscriptions, Integer maxFramesPerSecond, Integer outboundQueue, Duration heartbeatSend,
		Duration heartbeatReceive, Double heartbeatTolerance, Duration connectTimeout, Duration tick) {

	public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024;

	public static final int DEFAULT_MAX_HEADERS = 32;

	public static final int DEFAULT_MAX_HEADER_LENGTH = 4096;

	public static final int DEFAULT_MAX_SUBSCRIPTIONS = 64;

	public static final int DEFAULT_MAX_FRAMES_PER_SECOND = 50;

	public static final int DEFAULT_OUTBOUND_QUEUE = 1024;

	public static final Duration DEFAULT_HEARTBEAT_SEND = Duration.ofSeconds(10);

	public static final Duration DEFAULT_HEARTBEAT_RECEIVE = Duration.ofSeconds(10);

	public static final double DEFAULT_HEARTBEAT_TOLERANCE = 2.0;

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_TICK = Duration.ofMillis(500);

	public StompProperties {
		maxFrameSize = maxFrameSize == null ? DEFAULT_MAX_FRAME_SIZE : maxFrameSize;
		maxHeaders = maxHeaders == null ? DEFAULT_MAX_HEADERS : maxHeaders;
		maxHeaderLength = maxHeaderLength == null ? DEFAULT_MAX_HEADER_LENGTH : maxHeaderLength;
		maxSubscriptions = maxSubscriptions == null ? DEFAULT_MAX_SUBSCRIPTIONS : maxSubscriptions;
		maxFramesPerSecond = maxFramesPerSecond == null ? DEFAULT_MAX_FRAMES_PER_SECOND : maxFramesPerSecond;
		outboundQueue = outboundQueue == null ? DEFAULT_OUTBOUND_QUEUE : outboundQueue;
		heartbeatSend = heartbeatSend == null ? DEFAULT_HEARTBEAT_SEND : heartbeatSend;
		heartbeatReceive = heartbeatReceive == null ? DEFAULT_HEARTBEAT_RECEIVE : heartbeatReceive;
		heartbeatTolerance = heartbeatTolerance == null ? DEFAULT_HEARTBEAT_TOLERANCE : heartbeatTolerance;
		connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
		tick = tick == null ? DEFAULT_TICK : tick;
	}

	static StompProperties defaults() {
		return new StompProperties(null, null, null, null, null, null, null, null, null, null, null);
	}

}
