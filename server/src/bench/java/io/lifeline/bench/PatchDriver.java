package io.lifeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Changes tickets over REST at a fixed rate (open loop): every tick PATCHes the next ticket that has no PATCH in
 * flight with {@code If-Match: <version>} and a new tag, so every successful PATCH commits exactly one
 * {@code ticket.updated} event to the {@code tickets} stream. A 409 hands back the current version for next time.
 */
final class PatchDriver implements AutoCloseable {

	/** Counts over the measurement window. */
	record Window(long sent, long committed, long conflicts, long failed, long skipped, Histogram patchMicros) {
	}

	private static final class Ticket {

		final String id;

		volatile long version;

		final AtomicBoolean busy = new AtomicBoolean();

		Ticket(String id, long version) {
			this.id = id;
			this.version = version;
		}

	}

	private final Rest rest;

	private final String token;

	private final List<Ticket> tickets = new ArrayList<>();

	private final long periodNanos;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bench-driver");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong tag = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong committed = new AtomicLong();

	private final AtomicLong conflicts = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private final AtomicLong committedTotal = new AtomicLong();

	private final AtomicLong failedTotal = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Recorder patchMicros = new Recorder(1, Latency.HIGHEST_MICROS, 3);

	private final Histogram windowMicros = new Histogram(1, Latency.HIGHEST_MICROS, 3);

	private final Recorder progressMicros = new Recorder(1, Latency.HIGHEST_MICROS, 3);

	private volatile String lastFailure;

	private int cursor;

	private ScheduledFuture<?> ticking;

	PatchDriver(Rest rest, String token, List<String[]> tickets, int perSecond) {
		this.rest = rest;
		this.token = token;
		for (String[] ticket : tickets) {
			this.tickets.add(new Ticket(ticket[0], Long.parseLong(ticket[1])));
		}
		this.periodNanos = 1_000_000_000L / perSecond;
	}

	/** The tickets with the versions last seen: {id, version} each (to hand over to another driver). */
	List<String[]> tickets() {
		return tickets.stream().map(t -> new String[] { t.id, Long.toString(t.version) }).toList();
	}

	void start() {
		ticking = timer.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
	}

	/** Zeroes the window's counters. */
	void openWindow() {
		sent.set(0);
		committed.set(0);
		conflicts.set(0);
		failed.set(0);
		skipped.set(0);
		synchronized (windowMicros) {
			patchMicros.reset();
			windowMicros.reset();
		}
	}

	/** The window so far (PATCH round trips included). */
	Window window() {
		synchronized (windowMicros) {
			windowMicros.add(patchMicros.getIntervalHistogram());
			return new Window(sent.get(), committed.get(), conflicts.get(), failed.get(), skipped.get(),
					windowMicros.copy());
		}
	}

	/** PATCH round trips since the last call (progress lines). */
	Histogram takeProgress() {
		return progressMicros.getIntervalHistogram();
	}

	long committedTotal() {
		return committedTotal.get();
	}

	/** PATCHes that failed (error status or no answer) over the whole run, warm-up included. */
	long failedTotal() {
		return failedTotal.get();
	}

	String lastFailure() {
		return lastFailure;
	}

	/** Stops sending and waits (up to 30 s) for the PATCHes in flight. */
	void stop() throws InterruptedException {
		if (ticking != null) {
			ticking.cancel(false);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (inFlight.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

	private void tick() {
		Ticket ticket = null;
		for (int tries = 0; tries < tickets.size(); tries++) {
			Ticket candidate = tickets.get(cursor);
			cursor = (cursor + 1) % tickets.size();
			if (candidate.busy.compareAndSet(false, true)) {
				ticket = candidate;
				break;
			}
		}
		if (ticket == null) {
			skipped.incrementAndGet();
			return;
		}
		Ticket target = ticket;
		sent.incrementAndGet();
		inFlight.incrementAndGet();
		rest.patch(token, target.id, target.version, "{\"tags\":[\"bench-" + tag.incrementAndGet() + "\"]}")
			.whenComplete((patched, ex) -> {
				try {
					if (ex != null) {
						failed.incrementAndGet();
						failedTotal.incrementAndGet();
						lastFailure = ex.toString();
						return;
					}
					patchMicros.recordValue(Math.min(patched.micros(), Latency.HIGHEST_MICROS));
					progressMicros.recordValue(Math.min(patched.micros(), Latency.HIGHEST_MICROS));
					if (patched.version() > 0) {
						target.version = patched.version();
					}
					switch (patched.status()) {
						case 200 -> {
							committed.incrementAndGet();
							committedTotal.incrementAndGet();
						}
						case 409 -> conflicts.incrementAndGet();
						default -> {
							failed.incrementAndGet();
							failedTotal.incrementAndGet();
							lastFailure = "HTTP " + patched.status();
						}
					}
				}
				finally {
					target.busy.set(false);
					inFlight.decrementAndGet();
				}
			});
	}

}
