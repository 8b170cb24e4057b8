package io.lifeline.sla;

import java.util.function.LongConsumer;

/**
 * A hashed timing wheel of deadlines keyed by a {@code long}: arming, re-arming and cancelling are O(1), and the
 * memory per armed deadline is a map entry plus one slot entry (about 50 bytes), with no object per deadline.
 * Re-arming leaves the old slot entry behind; it is recognised as stale and dropped when its slot comes round.
 * Deadlines further out than one turn of the wheel stay in their slot for as many turns as they need. Callers
 * serialise access (the owner synchronises).
 */
final class TimingWheel {

	private final long tickMillis;

	private final int mask;

	private final long[][] slots;

	private final int[] sizes;

	private final LongLongMap armed;

	private long lastTick;

	/**
	 * @param tickMillis the resolution: a deadline fires at the first tick at or after it
	 * @param slotCount a power of two; one turn of the wheel is {@code tickMillis * slotCount}
	 */
	TimingWheel(long tickMillis, int slotCount, long nowMillis, int expected) {
		if (Integer.bitCount(slotCount) != 1) {
			throw new IllegalArgumentException("slotCount must be a power of two");
		}
		this.tickMillis = tickMillis;
		this.mask = slotCount - 1;
		this.slots = new long[slotCount][];
		this.sizes = new int[slotCount];
		this.armed = new LongLongMap(expected);
		this.lastTick = Math.floorDiv(nowMillis, tickMillis);
	}

	int size() {
		return armed.size();
	}

	/** Arms (or re-arms) {@code key} for {@code deadlineMillis}; a deadline already past fires at the next tick. */
	void arm(long key, long deadlineMillis) {
		long tick = Math.max(tickOf(deadlineMillis), lastTick + 1);
		long previous = armed.put(key, deadlineMillis);
		if (previous != LongLongMap.ABSENT && slotOf(Math.max(tickOf(previous), lastTick + 1)) == slotOf(tick)) {
			return;
		}
		add(slotOf(tick), key);
	}

	void cancel(long key) {
		armed.remove(key);
	}

	/** Moves time to {@code nowMillis}, handing every deadline that has come to {@code fired}, earliest tick first. */
	void advance(long nowMillis, LongConsumer fired) {
		// Tick k covers deadlines up to k * tickMillis: it is due once that time has come.
		long now = Math.floorDiv(nowMillis, tickMillis);
		// More than a turn behind (a long pause): one pass over every slot finds everything due.
		long from = now - lastTick > slots.length ? now - slots.length + 1 : lastTick + 1;
		for (long tick = from; tick <= now; tick++) {
			expire(slotOf(tick), nowMillis, fired);
		}
		lastTick = Math.max(lastTick, now);
	}

	long memoryBytes() {
		long bytes = armed.memoryBytes() + 16L * slots.length;
		for (long[] slot : slots) {
			bytes += slot == null ? 0 : 16 + 8L * slot.length;
		}
		return bytes;
	}

	private void expire(int slot, long nowMillis, LongConsumer fired) {
		long[] keys = slots[slot];
		int kept = 0;
		for (int i = 0; i < sizes[slot]; i++) {
			long key = keys[i];
			long deadline = armed.get(key);
			if (deadline == LongLongMap.ABSENT || slotOf(Math.max(tickOf(deadline), 0)) != slot
					&& deadline > nowMillis) {
				continue;
			}
			if (deadline <= nowMillis) {
				armed.remove(key);
				fired.accept(key);
				continue;
			}
			keys[kept++] = key;
		}
		sizes[slot] = kept;
		if (kept == 0 && keys != null && keys.length > 64) {
			slots[slot] = null;
		}
	}

	private void add(int slot, long key) {
		long[] keys = slots[slot];
		if (keys == null) {
			keys = slots[slot] = new long[8];
		}
		else if (sizes[slot] == keys.length) {
			keys = slots[slot] = java.util.Arrays.copyOf(keys, keys.length + (keys.length >> 1));
		}
		keys[sizes[slot]++] = key;
	}

	private long tickOf(long millis) {
		return Math.floorDiv(millis + tickMillis - 1, tickMillis);
	}

	private int slotOf(long tick) {
		return (int) (tick & mask);
	}

}
