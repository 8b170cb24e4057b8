package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTests {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void allowsABurstThenTheRate() {
		TokenBucket bucket = new TokenBucket(10, 3, nanos::get);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
		nanos.addAndGet(100_000_000);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
	}

	@Test
	void neverHoldsMoreThanTheBurst() {
		TokenBucket bucket = new TokenBucket(10, 2, nanos::get);
		nanos.addAndGet(60_000_000_000L);
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isTrue();
		assertThat(bucket.tryTake()).isFalse();
	}

}
