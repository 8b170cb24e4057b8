package io.lifeline.signaling;

import java.util.function.LongSupplier;

/** A rate limit: {@code burst} tokens, refilled at {@code perSecond}; each message takes one. */
final class TokenBucket {

	private final double perNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	TokenBucket(int perSecond, int burst, LongSupplier nanoTime) {
		this.perNano = perSecond / 1e9;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.tokens = burst;
		this.refilledAt = nanoTime.getAsLong();
	}

	synchronized boolean tryTake() {
		long now = nanoTime.getAsLong();
		tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
		refilledAt = now;
		if (tokens < 1) {
			return false;
		}
		tokens--;
		return true;
	}

}
