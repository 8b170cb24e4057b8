package io.lifeline.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Commit-to-frame latencies in microseconds, recorded wait-free from every event-loop thread into one HdrHistogram
 * {@link Recorder}. Only events stamped ({@code at}) inside the measurement window count, so warm-up and drain
 * traffic is left out.
 */
final class Latency {

	static final long HIGHEST_MICROS = 3_600_000_000L;

	private final Recorder recorder = new Recorder(1, HIGHEST_MICROS, 3);

	/** Everything, window or not: for the progress lines. */
	private final Recorder progress = new Recorder(1, HIGHEST_MICROS, 3);

	private volatile long fromMicros = Long.MAX_VALUE;

	private volatile long toMicros = Long.MAX_VALUE;

	private final java.util.concurrent.atomic.LongAdder negative = new java.util.concurrent.atomic.LongAdder();

	private final java.util.concurrent.atomic.LongAdder outside = new java.util.concurrent.atomic.LongAdder();

	/** Starts counting events stamped from now on; anything recorded before is dropped. */
	void open(long fromMicros) {
		this.fromMicros = fromMicros;
		this.toMicros = Long.MAX_VALUE;
		recorder.reset();
	}

	/** Events stamped after this are not counted. */
	void closeAt(long toMicros) {
		this.toMicros = toMicros;
	}

	void record(long atMicros, long receivedMicros) {
		long value = receivedMicros - atMicros;
		if (value < 0) {
			negative.increment();
			value = 0;
		}
		value = Math.min(value, HIGHEST_MICROS);
		progress.recordValue(value);
		if (atMicros < fromMicros || atMicros > toMicros) {
			outside.increment();
			return;
		}
		recorder.recordValue(value);
	}

	/** Everything recorded since the last call, in the window or not. */
	Histogram takeProgress() {
		return progress.getIntervalHistogram();
	}

	/** What was recorded since the last call (or {@link #open}). */
	Histogram take() {
		return recorder.getIntervalHistogram();
	}

	long negative() {
		return negative.sum();
	}

	static double millis(long micros) {
		return micros / 1000.0;
	}

}
