package io.lifeline.signaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a test client has received and not yet taken: tests take the first item that matches, waiting for it,
 * and leave the others in place for later calls. Shared by the signaling and STOMP test clients.
 */
public final class Inbox<T> {

	private final List<T> items = new ArrayList<>();

	private final String noun;

	/** @param noun what an item is called in failures ("frame", "message") */
	public Inbox(String noun) {
		this.noun = noun;
	}

	public void add(T item) {
		synchronized (items) {
			items.add(item);
			items.notifyAll();
		}
	}

	/** Takes the first item that matches; fails after {@code wait}. */
	public T next(Predicate<T> wanted, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		synchronized (items) {
			while (true) {
				for (int i = 0; i < items.size(); i++) {
					if (wanted.test(items.get(i))) {
						return items.remove(i);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("No matching " + noun + " within " + wait + "; have " + items);
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(items, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}
	}

	/** Everything received and not yet taken. */
	public List<T> drain() {
		synchronized (items) {
			List<T> all = new ArrayList<>(items);
			items.clear();
			return all;
		}
	}

}
