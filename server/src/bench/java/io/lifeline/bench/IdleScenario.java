package io.lifeline.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code idle}: as many authenticated STOMP sessions as the file-descriptor limit lets one server hold, each with
 * heart-beats both ways ({@code 10000,10000}) and one subscription to {@code /topic/tickets} (what an agent's
 * console holds), kept for a while; the server's memory is measured with none of them and with all of them, and
 * once more after they left (a leak check).
 */
final class IdleScenario {

	private IdleScenario() {
	}

	static Report run(BenchConfig config, int port) throws Exception {
		int sessions = config.idleSessions();
		Report report = new Report("idle", Report.fmt("idle: %,d STOMP sessions with heart-beats %s, held %d s",
				sessions, config.heartbeat(), config.idleHoldSeconds()));
		try (ServerProcess server = ServerProcess.start(config, "idle", port,
				List.of("-XX:NativeMemoryTracking=summary"))) {
			report.put("sessionsWanted", sessions).put("holdSeconds", config.idleHoldSeconds())
				.put("heartbeat", config.heartbeat())
				.put("serverJvmArgs", String.join(" ", config.serverJvmArgs()) + " -XX:NativeMemoryTracking=summary");
			Fixture fixture = Fixture.login(server.baseUrl());
			Latency latency = new Latency();
			try (MemorySnapshot.Jmx jmx = MemorySnapshot.Jmx.attach(server.pid())) {
				// Warm-up: load the classes and fill the pools that any session needs, then let them all go.
				try (StompClient warm = new StompClient(server.wsUrl(), latency, config.loopThreads(), 0)) {
					StompClient.Opened opened = warm.connectAll(config.idleWarmupSessions(), config.connectInFlight(), 3,
							i -> new StompConnection.Options(fixture.staffToken(i), config.heartbeat(), "/topic/tickets",
									false));
					Bench.log("Warm-up: %,d sessions opened (%d failed), closing them", opened.ready().size(),
							opened.failed());
					Thread.sleep(3_000);
				}
				Thread.sleep(3_000);
				MemorySnapshot zero = MemorySnapshot.take(server, jmx, "0 sessions", 0);
				Bench.log("Baseline (0 sessions): heap live %s, direct %s, RSS %s, %d open files",
						Report.mib(zero.heapLive()), Report.mib(zero.direct()), Report.mib(zero.rss()), zero.openFiles());

				StompClient client = new StompClient(server.wsUrl(), latency, config.loopThreads(), 0);
				MemorySnapshot loaded;
				int open;
				long late;
				long beats;
				StompClient.Opened opened;
				try {
					opened = client.connectAll(sessions, config.connectInFlight(), 3,
							i -> new StompConnection.Options(fixture.staffToken(i), config.heartbeat(), "/topic/tickets",
									false));
					Bench.log("%,d of %,d sessions connected and subscribed in %.1f s (%,.0f/s; %d attempts failed%s)",
							opened.ready().size(), sessions, opened.took().toMillis() / 1000.0,
							opened.ready().size() / (opened.took().toMillis() / 1000.0), opened.failedAttempts(),
							opened.reasons().isEmpty() ? "" : ": " + opened.reasons());
					double cpu0 = server.cpuSeconds();
					long t0 = System.nanoTime();
					long end = t0 + TimeUnit.SECONDS.toNanos(config.idleHoldSeconds());
					while (System.nanoTime() < end) {
						server.checkAlive();
						Thread.sleep(Math.min(15_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
						Bench.log("  %3d s: %,d open, server %,d open files, RSS %s, late server beats %d",
								TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), client.openCount(),
								Proc.openFiles(server.pid()), Report.mib(Proc.rssBytes(server.pid())),
								client.lateServerBeats());
					}
					double holdCpu = (server.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9);
					server.checkAlive();
					open = client.openCount();
					loaded = MemorySnapshot.take(server, jmx, open + " sessions", open);
					FanoutScenario.barrier(opened.ready());
					late = client.lateServerBeats();
					beats = opened.ready().stream().mapToLong(c -> c.heartbeatsReceived).sum();
					report.put("holdServerCpuPct", Math.round(holdCpu * 100));
					report.row("server CPU while holding (heart-beats only)", Report.pct(holdCpu * 100) + " of one core");
				}
				finally {
					client.close();
				}
				Thread.sleep(5_000);
				MemorySnapshot after = MemorySnapshot.take(server, jmx, "after close", 0);

				double heap = loaded.heapLive() - zero.heapLive();
				double direct = loaded.direct() - zero.direct();
				double perSession = (heap + direct) / Math.max(1, open);
				report.section("Sessions")
					.row("connected and subscribed / failed attempts", Report.fmt("%,d / %,d in %.1f s%s",
							opened.ready().size(), opened.failedAttempts(), opened.took().toMillis() / 1000.0,
							opened.reasons().isEmpty() ? "" : " " + opened.reasons()))
					.row("still open after the hold", Report.count(open))
					.row("server heart-beats received / late (>2x)", Report.fmt("%,d / %,d", beats, late))
					.row("server open files (0 / N sessions)", Report.fmt("%,d / %,d", zero.openFiles(), loaded.openFiles()))
					.section("Server memory        0 sessions      N sessions     after close")
					.row("heap live (class histogram)", three(zero.heapLive(), loaded.heapLive(), after.heapLive()))
					.row("heap used after full GC", three(zero.heapUsed(), loaded.heapUsed(), after.heapUsed()))
					.row("direct (NMT Other)", three(zero.direct(), loaded.direct(), after.direct()))
					.row("  of which NIO direct (JMX)", three(zero.nioDirect(), loaded.nioDirect(), after.nioDirect()))
					.row("NMT committed, all", three(zero.nmtCommitted(), loaded.nmtCommitted(), after.nmtCommitted()))
					.row("RSS", three(zero.rss(), loaded.rss(), after.rss()))
					.section("Per session (N = " + Report.count(open) + ")")
					.row("heap", Report.kib(heap / Math.max(1, open)))
					.row("direct", Report.kib(direct / Math.max(1, open)))
					.row("(heap + direct) / N", Report.kib(perSession) + "  (target <= 16 KiB)")
					.row("RSS growth / N (cross-check)",
							Report.kib((double) (loaded.rss() - zero.rss()) / Math.max(1, open)))
					.section("Heap growth by class, 0 -> N sessions (bytes and instances per session)");
				for (Object[] row : loaded.growth(zero, 14)) {
					long bytes = (long) row[2];
					long instances = (long) row[1];
					report.row(Report.fmt("%,8.0f B  %5.2f x", bytes / (double) Math.max(1, open),
							instances / (double) Math.max(1, open)), (String) row[0]);
				}
				StringBuilder growth = new StringBuilder(Report.fmt("# live heap growth 0 -> %,d idle sessions, per session%n", open));
				for (Object[] row : loaded.growth(zero, 80)) {
					growth.append(Report.fmt("%10.1f B %8.2f x  %s%n", (long) row[2] / (double) Math.max(1, open),
							(long) row[1] / (double) Math.max(1, open), row[0]));
				}
				java.nio.file.Files.writeString(config.out().resolve("idle-heap-growth.txt"), growth);
				report.row("full growth table", config.out().resolve("idle-heap-growth.txt").toString());
				report.put("sessions", open).put("failedToConnect", opened.failed())
					.put("failedConnectAttempts", opened.failedAttempts())
					.put("connectSeconds", opened.took().toMillis() / 1000.0).put("lateServerBeats", late)
					.put("heapLiveZero", zero.heapLive()).put("heapLiveN", loaded.heapLive())
					.put("heapLiveAfter", after.heapLive()).put("directZero", zero.direct())
					.put("directN", loaded.direct()).put("directAfter", after.direct())
					.put("nioDirectZero", zero.nioDirect()).put("nioDirectN", loaded.nioDirect())
					.put("rssZero", zero.rss()).put("rssN", loaded.rss()).put("rssAfter", after.rss())
					.put("heapPerSessionBytes", Math.round(heap / Math.max(1, open)))
					.put("directPerSessionBytes", Math.round(direct / Math.max(1, open)))
					.put("perSessionBytes", Math.round(perSession))
					.put("rssPerSessionBytes", Math.round((double) (loaded.rss() - zero.rss()) / Math.max(1, open)))
					.put("targetPerSessionBytes", 16 * 1024)
					.put("targetMet", perSession <= 16 * 1024 && open >= sessions);
				FanoutScenario.logReport(report, server);
			}
		}
		return report;
	}

	private static String three(long a, long b, long c) {
		return Report.fmt("%14s %15s %15s", Report.mib(a), Report.mib(b), Report.mib(c));
	}

}
