package io.lifeline.sla;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The SLA engine's in-memory timer under the load: {@code deadlines} armed over the next {@code spread},
 * 10 % of them re-armed per minute, for {@code run}. Measures the heap each armed deadline costs (after full GCs,
 * the bench's own bookkeeping allocated before the baseline) and how late each firing is against its deadline,
 * seen by a subscriber on another thread, as the engine's firing loop sees it.
 */
public final class DeadlineBench {

	private DeadlineBench() {
	}

	public static Map<String, Object> run(int deadlines, Duration spread, Duration run, double rearmPerMinute)
			throws InterruptedException {
		SplittableRandom random = new SplittableRandom(42);
		long[] due = new long[deadlines + 1];
		long[] lateness = new long[(int) Math.min(Integer.MAX_VALUE - 8,
				(long) deadlines * (run.toSeconds() + 60) / Math.max(1, spread.toSeconds()) * 2 + 100_000)];
		AtomicInteger fired = new AtomicInteger();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		Scheduler scheduler = Schedulers.newSingle("bench-sla-timer");
		long before = usedHeapAfterGc(memory);
		DeadlineTimer timer = new DeadlineTimer(SlaProperties.DEFAULT_TICK, SlaProperties.DEFAULT_WHEEL_SLOTS, scheduler,
				deadlines);
		long start = System.currentTimeMillis();
		for (int key = 1; key <= deadlines; key++) {
			due[key] = start + 1_000 + random.nextLong(spread.toMillis());
			timer.arm(key, due[key]);
		}
		long armedHeap = usedHeapAfterGc(memory) - before;
		long structure = timer.memoryBytes();
		Disposable firing = timer.fired().subscribe(keys -> {
			long now = System.currentTimeMillis();
			for (long key : keys) {
				int n = fired.getAndIncrement();
				if (n < lateness.length) {
					lateness[n] = now - due[(int) key];
				}
			}
		});
		int rearmPerSecond = (int) Math.round(deadlines * rearmPerMinute / 60);
		long end = System.currentTimeMillis() + run.toMillis();
		long rearmed = 0;
		while (System.currentTimeMillis() < end) {
			Thread.sleep(1_000);
			long now = System.currentTimeMillis();
			for (int i = 0; i < rearmPerSecond; i++) {
				int key = 1 + random.nextInt(deadlines);
				long next = now + 1_000 + random.nextLong(spread.toMillis());
				synchronized (due) {
					due[key] = next;
				}
				timer.arm(key, next);
				rearmed++;
			}
		}
		firing.dispose();
		scheduler.dispose();
		int count = Math.min(fired.get(), lateness.length);
		long[] sorted = Arrays.copyOf(lateness, count);
		Arrays.sort(sorted);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("deadlines", deadlines);
		result.put("spreadSeconds", spread.toSeconds());
		result.put("runSeconds", run.toSeconds());
		result.put("rearmed", rearmed);
		result.put("fired", count);
		result.put("heapBytesPerDeadline", (double) armedHeap / deadlines);
		result.put("structureBytesPerDeadline", (double) structure / deadlines);
		result.put("latenessP50Ms", percentile(sorted, 0.50));
		result.put("latenessP99Ms", percentile(sorted, 0.99));
		result.put("latenessMaxMs", count == 0 ? 0 : sorted[count - 1]);
		result.put("armedAtEnd", timer.armed());
		return result;
	}

	private static long percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
	}

	private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
