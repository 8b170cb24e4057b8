package io.lifeline.signaling;

import java.time.Duration;

/**
 * What one signaling socket may do. A socket that breaks a limit gets an {@code error} message and is closed;
 * nobody else notices.
 *
 * @param maxMessageBytes largest message accepted; default {@value #DEFAULT_MAX_MESSAGE_BYTES} (16 KiB)
 * @param messagesPerSecond messages a socket may send per second, refilled continuously; default
 * {@value #DEFAULT_MESSAGES_PER_SECOND} (pointer moves at screen rate fit)
 * @param burst messages a socket may send at once; default {@value #DEFAULT_BURST}
 * @param joinTimeout how long a new socket has to send {@code join}; default {@link #DEFAULT_JOIN_TIMEOUT}
 * @param outboundQueue messages queued for a socket before it is closed as too slow; default
 * {@value #DEFAULT_OUTBOUND_QUEUE}
 */
public record SignalingLimits(int maxMessageBytes, int messagesPerSecond, int burst, Duration joinTimeout,
		int outboundQueue) {

	public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024;

	public static final int DEFAULT_MESSAGES_PER_SECOND = 60;

	public static final int DEFAULT_BURST = 120;

	public static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(10);

	public static final int DEFAULT_OUTBOUND_QUEUE = 256;

	public static SignalingLimits defaults() {
		return new SignalingLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MESSAGES_PER_SECOND, DEFAULT_BURST,
				DEFAULT_JOIN_TIMEOUT, DEFAULT_OUTBOUND_QUEUE);
	}

}
