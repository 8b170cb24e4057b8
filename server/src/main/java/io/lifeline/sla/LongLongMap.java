package io.lifeline.sla;

import java.util.Arrays;

/**
 * An open-addressing map of {@code long} to {@code long} in two flat arrays: about 32 bytes an entry at most half
 * full, against about 80 for a {@code HashMap<Long, Long>}. Not thread-safe.
 */
final class LongLongMap {

	static final long ABSENT = Long.MIN_VALUE;

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys;

	private long[] values;

	private int size;

	LongLongMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		keys = new long[capacity];
		values = new long[capacity];
		Arrays.fill(keys, EMPTY);
	}

	int size() {
		return size;
	}

	long get(long key) {
		int mask = keys.length - 1;
		for (int i = index(key, mask);; i = (i + 1) & mask) {
			if (keys[i] == key) {
				return values[i];
			}
			if (keys[i] == EMPTY) {
				return ABSENT;
			}
		}
	}

	/** Emits the previous value, or {@link #ABSENT}. */
	long put(long key, long value) {
		if (key == EMPTY) {
			throw new IllegalArgumentException("Key " + key + " is reserved");
		}
		int mask = keys.length - 1;
		for (int i = index(key, mask);; i = (i + 1) & mask) {
			if (keys[i] == key) {
				long previous = values[i];
				values[i] = value;
				return previous;
			}
			if (keys[i] == EMPTY) {
				keys[i] = key;
				values[i] = value;
				if (++size * 2 > keys.length) {
					grow();
				}
				return ABSENT;
			}
		}
	}

	/** Emits the removed value, or {@link #ABSENT}. */
	long remove(long key) {
		int mask = keys.length - 1;
		int i = index(key, mask);
		while (keys[i] != key) {
			if (keys[i] == EMPTY) {
				return ABSENT;
			}
			i = (i + 1) & mask;
		}
		long removed = values[i];
		size--;
		// Backward-shift deletion keeps every probe chain unbroken without tombstones.
		for (int gap = i, j = (i + 1) & mask;; j = (j + 1) & mask) {
			if (keys[j] == EMPTY) {
				keys[gap] = EMPTY;
				return removed;
			}
			int home = index(keys[j], mask);
			if (((j - home) & mask) >= ((j - gap) & mask)) {
				keys[gap] = keys[j];
				values[gap] = values[j];
				gap = j;
			}
		}
	}

	long memoryBytes() {
		return 16L * keys.length;
	}

	private void grow() {
		long[] oldKeys = keys;
		long[] oldValues = values;
		keys = new long[oldKeys.length * 2];
		values = new long[oldValues.length * 2];
		Arrays.fill(keys, EMPTY);
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				put(oldKeys[i], oldValues[i]);
			}
		}
	}

	private static int index(long key, int mask) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32)) & mask;
	}

}
