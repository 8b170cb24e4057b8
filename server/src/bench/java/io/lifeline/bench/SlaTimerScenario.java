package io.lifeline.bench;

import java.time.Duration;
import java.util.Map;

import io.lifeline.sla.DeadlineBench;

/**
 * {@code sla}: the SLA engine's timing wheel carrying {@code bench.sla.deadlines} (default 1,000,000) deadlines spread
 * over the next hour, 10 % re-armed per minute, for {@code bench.sla.minutes} (default 3). In process: it measures the
 * structure every node keeps, not the network.
 */
final class SlaTimerScenario {

	private SlaTimerScenario() {
	}

	static Report run() throws InterruptedException {
		int deadlines = Integer.getInteger("bench.sla.deadlines", 1_000_000);
		int minutes = Integer.getInteger("bench.sla.minutes", 3);
		Bench.log("sla: arming %,d deadlines over the next hour, re-arming 10 %%/min, for %d min", deadlines, minutes);
		Map<String, Object> result = DeadlineBench.run(deadlines, Duration.ofHours(1), Duration.ofMinutes(minutes), 0.10);
		Report report = new Report("sla", "SLA timer: " + String.format("%,d", deadlines) + " deadlines over 1 h, 10 %/min re-armed");
		result.forEach(report::put);
		return report.row("heap per armed deadline", String.format("%.1f bytes", (double) result.get("heapBytesPerDeadline")))
			.row("wheel structure per deadline", String.format("%.1f bytes", (double) result.get("structureBytesPerDeadline")))
			.row("fired / re-armed", result.get("fired") + " / " + result.get("rearmed"))
			.row("firing lateness p50 / p99 / max", result.get("latenessP50Ms") + " / " + result.get("latenessP99Ms") + " / "
					+ result.get("latenessMaxMs") + " ms");
	}

}
