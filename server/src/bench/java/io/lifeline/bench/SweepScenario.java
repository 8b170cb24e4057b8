package io.lifeline.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * {@code sweep} (not part of {@code all}): one server, S subscribers to {@code /topic/tickets}, the PATCH rate
 * stepped up ({@code bench.sweep.rates}); each step warms up, then measures. Finds the fan-out rate (frames/s) this
 * machine sustains within the latency target, which {@code fanout} alone only passes or fails.
 */
final class SweepScenario {

	private SweepScenario() {
	}

	static Report run(BenchConfig config, int port) throws Exception {
		int subscribers = config.sweepSubscribers();
		Report report = new Report("sweep", Report.fmt("sweep: %,d subscribers to /topic/tickets, PATCH rate %s/s, %d s warm-up + %d s measured per step",
				subscribers, config.sweepRates(), config.sweepWarmupSeconds(), config.sweepSeconds()));
		report.put("subscribers", subscribers).put("rates", config.sweepRates())
			.put("serverJvmArgs", String.join(" ", config.serverJvmArgs()));
		try (ServerProcess server = ServerProcess.start(config, "sweep-" + subscribers, port, List.of())) {
			Fixture fixture = Fixture.login(server.baseUrl());
			List<String[]> tickets = fixture.openTickets(config.tickets());
			List<String[]> current = tickets;
			Latency latency = new Latency();
			try (StompClient client = new StompClient(server.wsUrl(), latency, config.loopThreads(), 0)) {
				StompClient.Opened opened = client.connectAll(subscribers, config.connectInFlight(), 3,
						i -> new StompConnection.Options(fixture.staffToken(i), config.heartbeat(), "/topic/tickets",
								false));
				Bench.log("%,d sessions subscribed (%d attempts failed)", opened.ready().size(), opened.failedAttempts());
				report.section(Report.fmt("  %8s %12s %9s %9s %9s %9s %8s %8s %8s", "PATCH/s", "frames/s", "p50 ms",
						"p99 ms", "p99.9 ms", "max ms", "server%", "loadgen%", "machine%"));
				List<String[]> steps = new java.util.ArrayList<>();
				for (int rate : config.sweepRates()) {
					try (PatchDriver driver = new PatchDriver(fixture.rest(), fixture.alice().token(), current, rate)) {
						driver.start();
						Thread.sleep(TimeUnit.SECONDS.toMillis(config.sweepWarmupSeconds()));
						latency.open(StompConnection.nowMicros());
						double server0 = server.cpuSeconds();
						double self0 = Proc.selfCpuSeconds();
						double[] machine0 = Proc.machineCpuSeconds();
						long t0 = System.nanoTime();
						Thread.sleep(TimeUnit.SECONDS.toMillis(config.sweepSeconds()));
						server.checkAlive();
						latency.closeAt(StompConnection.nowMicros());
						double seconds = (System.nanoTime() - t0) / 1e9;
						double serverPct = 100 * (server.cpuSeconds() - server0) / seconds;
						double selfPct = 100 * (Proc.selfCpuSeconds() - self0) / seconds;
						double machinePct = 100 * (Proc.machineCpuSeconds()[0] - machine0[0]) / seconds;
						driver.stop();
						current = driver.tickets();
						Thread.sleep(2_000);
						Histogram h = latency.take();
						String row = Report.fmt("%8d %12s %9.1f %9.1f %9.1f %9.1f %8.0f %8.0f %8.0f", rate,
								Report.fmt("%,.0f", h.getTotalCount() / seconds), h.getValueAtPercentile(50) / 1000.0,
								h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
								h.getMaxValue() / 1000.0, serverPct, selfPct, machinePct);
						Bench.log("  %s", row);
						report.section("  " + row);
						steps.add(new String[] { Integer.toString(rate), Long.toString(Math.round(h.getTotalCount() / seconds)),
								Double.toString(Report.msValue(h.getValueAtPercentile(50))),
								Double.toString(Report.msValue(h.getValueAtPercentile(99))),
								Double.toString(Report.msValue(h.getMaxValue())), Long.toString(Math.round(machinePct)) });
					}
				}
				long open = client.openCount();
				report.row("sessions still open at the end", Report.fmt("%,d of %,d", open, opened.ready().size()));
				report.put("steps", steps).put("sessions", opened.ready().size()).put("openAtEnd", open);
				FanoutScenario.logReport(report, server);
			}
		}
		return report;
	}

}
