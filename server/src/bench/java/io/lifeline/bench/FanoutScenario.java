package io.lifeline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;

/**
 * {@code fanout} and {@code slow}: S sessions subscribe to {@code /topic/tickets}; the driver PATCHes tickets at a
 * fixed rate; every session checks that it gets every seq of the {@code tickets} stream exactly once, and the
 * latency from the event's {@code at} (stamped by the server inside the writing transaction) to the frame being
 * fully read is recorded. In {@code slow}, a share of the sessions stop reading right after their SUBSCRIBE's
 * RECEIPT: the server must drop them (ERROR "slow consumer") without the others noticing.
 */
final class FanoutScenario {

	private FanoutScenario() {
	}

	static Report run(BenchConfig config, String scenario, int subscribers, int slowCount, int port, Report clean)
			throws Exception {
		String label = scenario + "-" + subscribers;
		ServerProcess server = config.url() == null
				? ServerProcess.start(config, label, port,
						List.of())
				: null;
		String base = server != null ? server.baseUrl() : config.url();
		String ws = base.replace("http://", "ws://") + "/ws";
		Report report = new Report(scenario,
				Report.fmt("%s: %,d subscribers to /topic/tickets%s, %d PATCH/s over %d tickets, %d s measured", scenario,
						subscribers, slowCount > 0 ? Report.fmt(" (%d stop reading)", slowCount) : "", config.rate(),
						config.tickets(), config.durationSeconds()));
		report.put("subscribers", subscribers).put("slow", slowCount).put("rate", config.rate())
			.put("tickets", config.tickets()).put("durationSeconds", config.durationSeconds())
			.put("warmupSeconds", config.warmupSeconds()).put("heartbeat", config.heartbeat())
			.put("serverJvmArgs", server == null ? "(external server)" : String.join(" ", config.serverJvmArgs()));
		try {
			Fixture fixture = Fixture.login(base);
			List<String[]> tickets = fixture.openTickets(config.tickets());
			Bench.log("Logged in alice, bob, sam, carol; opened %d tickets", tickets.size());
			Latency latency = new Latency();
			int stride = slowCount == 0 ? 0 : Math.max(1, subscribers / slowCount);
			IntPredicate slow = i -> stride > 0 && i % stride == stride / 2 && i / stride < slowCount;
			try (StompClient client = new StompClient(ws, latency, config.loopThreads(), config.slowReceiveBuffer());
					PatchDriver driver = new PatchDriver(fixture.rest(), fixture.alice().token(), tickets,
							config.rate())) {
				// As the console does: read the head, then subscribe after it, so every session must get every event
				// from one seq on (tickets assigned while sessions connect would otherwise reach only the early ones).
				long head = fixture.rest().headSeq(fixture.alice().token());
				StompClient.Opened opened = client.connectAll(subscribers, config.connectInFlight(), 3,
						i -> new StompConnection.Options(fixture.staffToken(i), config.heartbeat(), "/topic/tickets",
								slow.test(i), head));
				Bench.log("%,d of %,d sessions subscribed in %.1f s (%d attempts failed%s)", opened.ready().size(),
						subscribers, opened.took().toMillis() / 1000.0, opened.failedAttempts(),
						opened.reasons().isEmpty() ? "" : ": " + opened.reasons());
				List<StompConnection> fast = opened.ready().stream().filter(c -> !c.slow()).toList();
				List<StompConnection> stalled = opened.ready().stream().filter(StompConnection::slow).toList();

				Instant driverStarted = Instant.now();
				long driverStartedNanos = System.nanoTime();
				driver.start();
				Bench.log("Warm-up: %d s at %d PATCH/s", config.warmupSeconds(), config.rate());
				progress(server, latency, client, driver, driverStartedNanos,
						driverStartedNanos + TimeUnit.SECONDS.toNanos(config.warmupSeconds()), config.progressSeconds());

				GcWatch gc = Bench.gc();
				latency.open(StompConnection.nowMicros());
				driver.openWindow();
				gc.reset();
				double serverCpu0 = server == null ? 0 : server.cpuSeconds();
				double selfCpu0 = Proc.selfCpuSeconds();
				double[] machine0 = Proc.machineCpuSeconds();
				Map<Long, Double> others0 = Proc.otherProcessesCpu(server == null ? -1 : server.pid());
				int gcMark = server == null ? 0 : server.gcLogMark();
				long t0 = System.nanoTime();
				if (server != null && config.jfr()) {
					server.jcmd("JFR.start", "name=bench", "settings=profile",
							"filename=" + config.out().resolve(label + ".jfr").toAbsolutePath());
				}
				Bench.log("Measuring for %d s", config.durationSeconds());
				progress(server, latency, client, driver, driverStartedNanos,
						t0 + TimeUnit.SECONDS.toNanos(config.durationSeconds()), config.progressSeconds());
				Histogram all = latency.take();
				latency.closeAt(StompConnection.nowMicros());
				double seconds = (System.nanoTime() - t0) / 1e9;
				PatchDriver.Window window = driver.window();
				double serverCpu1 = server == null ? 0 : server.cpuSeconds();
				double selfCpu1 = Proc.selfCpuSeconds();
				double[] machine1 = Proc.machineCpuSeconds();
				String others = Proc.busiest(others0, Proc.otherProcessesCpu(server == null ? -1 : server.pid()),
						(System.nanoTime() - t0) / 1e9, 3);
				String gcSummary = gc.summary();
				double[] serverGc = server == null ? new double[3] : server.gcPausesSince(gcMark);
				long gcMax = gc.maxMillis();
				if (server != null && config.jfr()) {
					server.jcmd("JFR.stop", "name=bench");
				}
				driver.stop();

				// Drain: everything committed should arrive; wait until every live session has the newest seq.
				long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
				while (System.nanoTime() < drainEnd) {
					long newest = fast.stream().mapToLong(c -> c.lastSeq).max().orElse(-1);
					if (fast.stream().filter(StompConnection::open).allMatch(c -> c.lastSeq >= newest)) {
						break;
					}
					Thread.sleep(100);
				}
				Thread.sleep(500);
				all.add(latency.take());
				barrier(opened.ready());

				// Delivery accounting over the non-stalled sessions.
				long newest = fast.stream().mapToLong(c -> c.lastSeq).max().orElse(-1);
				long oldest = fast.stream().filter(c -> c.firstSeq >= 0).mapToLong(c -> c.firstSeq).min().orElse(-1);
				long span = newest >= 0 ? newest - oldest + 1 : 0;
				long expected = span * fast.size();
				long received = fast.stream().mapToLong(c -> c.received).sum();
				long duplicates = fast.stream().mapToLong(c -> c.duplicates).sum();
				// Lost for good: a seq skipped on a session that went on receiving (a gap), or missed at its start.
				long gaps = fast.stream().mapToLong(c -> c.missing + (c.firstSeq > oldest ? c.firstSeq - oldest : 0)).sum();
				// Not delivered when the drain ended: still queued for a live session, or cut off by its drop.
				long backlog = fast.stream().filter(c -> !c.closed.isDone())
					.mapToLong(c -> c.firstSeq < 0 ? span : newest - c.lastSeq).sum();
				long cutOff = fast.stream().filter(c -> c.closed.isDone())
					.mapToLong(c -> c.firstSeq < 0 ? span : newest - c.lastSeq).sum();
				long lost = gaps + cutOff;
				long sessionsWithLoss = fast.stream()
					.filter(c -> c.missing > 0 || c.firstSeq != oldest || (c.closed.isDone() && c.lastSeq < newest))
					.count();
				List<StompConnection> droppedFast = fast.stream().filter(c -> c.closed.isDone()).toList();
				Map<String, Long> dropReasons = droppedFast.stream()
					.collect(Collectors.groupingBy(c -> String.valueOf(c.errorMessage), TreeMap::new,
							Collectors.counting()));

				double serverPct = 100 * (serverCpu1 - serverCpu0) / seconds;
				double loadPct = 100 * (selfCpu1 - selfCpu0) / seconds;
				double machinePct = 100 * (machine1[0] - machine0[0]) / seconds;
				double otherPct = Math.max(0, machinePct - serverPct - loadPct);
				long p50 = all.getValueAtPercentile(50);
				long p90 = all.getValueAtPercentile(90);
				long p99 = all.getValueAtPercentile(99);
				long p999 = all.getValueAtPercentile(99.9);
				long max = all.getMaxValue();
				Histogram patch = window.patchMicros();

				report.section("Delivery (sessions that kept reading)")
					.row("sessions subscribed / failed attempts", Report.fmt("%,d / %,d%s", opened.ready().size(),
							opened.failedAttempts(), opened.reasons().isEmpty() ? "" : " " + opened.reasons()))
					.row("commit-to-frame latency p50", Report.ms(p50))
					.row("  p90 / p99 / p99.9", Report.ms(p90) + " / " + Report.ms(p99) + " / " + Report.ms(p999))
					.row("  max", Report.ms(max))
					.row("frames measured (in window)", Report.fmt("%,d (%,.0f frames/s)", all.getTotalCount(),
							all.getTotalCount() / seconds))
					.row("messages expected / received", Report.fmt("%,d / %,d  (seq %d..%d x %,d sessions)", expected,
							received, oldest, newest, fast.size()))
					.row("lost: gaps / cut off by a drop", Report.fmt("%,d: %,d / %,d  (%,d sessions with a loss)", lost,
							gaps, cutOff, sessionsWithLoss))
					.row("duplicates / still queued after the drain", Report.fmt("%,d / %,d", duplicates, backlog))
					.row("reading sessions dropped by the server", droppedFast.isEmpty() ? "0"
							: Report.fmt("%,d %s", droppedFast.size(), dropReasons))
					.section("Driver")
					.row("PATCH sent / committed / 409 / failed / skipped",
							Report.fmt("%,d / %,d / %,d / %,d / %,d (in window, %.1f committed/s)", window.sent(),
									window.committed(), window.conflicts(), window.failed(), window.skipped(),
									window.committed() / seconds))
					.row("PATCH round trip p50 / p99 / max",
							Report.ms(patch.getValueAtPercentile(50)) + " / " + Report.ms(patch.getValueAtPercentile(99))
									+ " / " + Report.ms(patch.getMaxValue()))
					.row("commits in the run vs seq span", Report.fmt("%,d vs %,d", driver.committedTotal(), span))
					.row("PATCH failures over the whole run", Report.count(driver.failedTotal()))
					.section("CPU over the window (100 % = one core; the box has " + Runtime.getRuntime().availableProcessors() + ")")
					.row("server JVM / load generator / everything else",
							Report.fmt("%.0f %% / %.0f %% / %.0f %%  (machine busy %.0f %% of %d00 %%)", serverPct,
									loadPct, otherPct, machinePct, Runtime.getRuntime().availableProcessors()))
					.row("busiest other processes", others)
					.row("server GC (from its -Xlog:gc)", Report.fmt("%.0f pauses, %.0f ms in all, longest %.1f ms",
							serverGc[0], serverGc[1], serverGc[2]))
					.row("load generator GC", gcSummary);
				report.put("sessions", opened.ready().size()).put("failedToConnect", opened.failed())
					.put("failedConnectAttempts", opened.failedAttempts())
					.put("p50Ms", Report.msValue(p50)).put("p90Ms", Report.msValue(p90)).put("p99Ms", Report.msValue(p99))
					.put("p999Ms", Report.msValue(p999)).put("maxMs", Report.msValue(max))
					.put("framesMeasured", all.getTotalCount()).put("framesPerSecond", Math.round(all.getTotalCount() / seconds))
					.put("expected", expected).put("received", received).put("lost", lost).put("gaps", gaps)
					.put("cutOffByDrop", cutOff).put("undeliveredAfterDrain", backlog)
					.put("duplicates", duplicates).put("readingSessionsDropped", droppedFast.size())
					.put("patchCommitted", window.committed()).put("patchConflicts", window.conflicts())
					.put("patchFailed", window.failed()).put("patchFailedWholeRun", driver.failedTotal()).put("patchSkipped", window.skipped())
					.put("patchP99Ms", Report.msValue(patch.getValueAtPercentile(99)))
					.put("serverCpuPct", Math.round(serverPct)).put("loadGeneratorCpuPct", Math.round(loadPct))
					.put("otherCpuPct", Math.round(otherPct)).put("machineCpuPct", Math.round(machinePct))
					.put("loadGeneratorGcMaxPauseMs", gcMax)
					.put("serverGcMaxPauseMs", serverGc[2]);
				if (driver.lastFailure() != null) {
					report.row("last PATCH failure", driver.lastFailure());
				}
				report.put("targetP99Ms", 50).put("targetMet", p99 <= 50_000 && lost == 0 && backlog == 0
						&& duplicates == 0 && droppedFast.isEmpty()
						&& opened.failed() == 0 && !fast.isEmpty() && all.getTotalCount() > 0);

				if (!stalled.isEmpty()) {
					stalledReport(report, server, server != null ? server.port : port, stalled, driverStarted, clean, p99);
				}
				if (server != null) {
					logReport(report, server);
				}
				if (server != null && config.jfr()) {
					report.section("Server CPU profile (JFR execution samples, top frames)");
					for (String line : JfrSummary.top(config.out().resolve(label + ".jfr"), 15)) {
						report.row("", line);
					}
				}
			}
			return report;
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	/** Sleeps until {@code until}, logging what arrived every few seconds (warm-up and window alike). */
	private static void progress(ServerProcess server, Latency latency, StompClient client, PatchDriver driver,
			long since, long until, int everySeconds) throws InterruptedException {
		while (System.nanoTime() < until) {
			if (server != null) {
				server.checkAlive();
			}
			long step = Math.min(TimeUnit.SECONDS.toNanos(everySeconds), until - System.nanoTime());
			Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(step)));
			Histogram interval = latency.takeProgress();
			Histogram patches = driver.takeProgress();
			Bench.log("  %4d s: %,9d frames  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  open %,d  PATCH committed %,d, p99 %.1f ms",
					TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since), interval.getTotalCount(),
					interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
					interval.getMaxValue() / 1000.0, client.openCount(), driver.committedTotal(),
					patches.getValueAtPercentile(99) / 1000.0);
		}
	}

	private static void stalledReport(Report report, ServerProcess server, int port, List<StompConnection> stalled,
			Instant driverStarted, Report clean, long p99) throws Exception {
		// Before the stalled sessions read again: what the server still holds for them.
		Map<Integer, String> sockets = Sockets.serverSide(port);
		Map<Integer, String> clientSockets = Sockets.clientSide(port);
		Map<String, Long> states = new TreeMap<>();
		long sendQueued = 0;
		long receiveQueued = 0;
		for (StompConnection connection : stalled) {
			String socket = sockets.get(connection.localPort());
			String state = socket == null ? "gone" : socket.split(" ")[0];
			states.merge(state, 1L, Long::sum);
			if (socket != null) {
				sendQueued += Long.parseLong(socket.split(" ")[1]);
			}
			String mine = clientSockets.get(connection.localPort());
			if (mine != null) {
				receiveQueued += Long.parseLong(mine.split(" ")[1]);
			}
		}
		// Where the rest of their backlog waits inside the server: Netty's outbound buffers and the session queues.
		long outboundEntries = -1;
		if (server != null) {
			for (String line : server.jcmd("GC.class_histogram").split("\n")) {
				String[] columns = line.strip().split("\\s+");
				if (columns.length >= 4 && columns[3].equals("io.netty.channel.ChannelOutboundBuffer$Entry")) {
					outboundEntries = Long.parseLong(columns[1]);
				}
			}
		}
		Map<String, Instant> drops = new LinkedHashMap<>();
		if (server != null) {
			for (String line : server.logLines("dropped as a slow consumer")) {
				String[] words = line.strip().split("\\s+");
				int session = List.of(words).indexOf("Session");
				if (session >= 0 && session + 1 < words.length) {
					drops.put(words[session + 1], Instant.parse(words[0]));
				}
			}
		}
		Set<String> stalledSessions = stalled.stream().map(c -> c.session).collect(Collectors.toSet());
		List<Double> dropAfter = drops.entrySet()
			.stream()
			.filter(e -> stalledSessions.contains(e.getKey()))
			.map(e -> Duration.between(driverStarted, e.getValue()).toMillis() / 1000.0)
			.sorted()
			.toList();
		long otherDrops = drops.keySet().stream().filter(s -> !stalledSessions.contains(s)).count();

		for (StompConnection connection : stalled) {
			connection.resumeReading();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline && !stalled.stream().allMatch(c -> c.closed.isDone())) {
			Thread.sleep(100);
		}
		barrier(stalled);
		long gotSlowError = stalled.stream()
			.filter(c -> c.errorMessage != null && c.errorMessage.startsWith("Slow consumer"))
			.count();
		long closedBy1008 = stalled.stream().filter(c -> c.closeCode == 1008).count();
		long closed = stalled.stream().filter(c -> c.closed.isDone()).count();
		long backlog = stalled.stream().mapToLong(c -> c.received).sum();
		Object cleanP99 = clean == null ? null : clean.get("p99Ms");
		String versus = "n/a (no clean run at this size in this invocation or in results.jsonl)";
		Double ratio = null;
		if (cleanP99 instanceof Number number && number.doubleValue() > 0) {
			ratio = (p99 / 1000.0) / number.doubleValue();
			versus = Report.fmt("%.1f ms vs %.1f ms clean: %+.0f %% (target within +10 %%)", p99 / 1000.0,
					number.doubleValue(), (ratio - 1) * 100);
		}
		report.section("Stalled sessions (stopped reading after RECEIPT)")
			.row("others' p99 vs the clean fanout run", versus)
			.row("dropped by the server (log: slow consumer)",
					Report.fmt("%d of %d, %s after the driver started", dropAfter.size(), stalled.size(),
							dropAfter.isEmpty() ? "-"
									: Report.fmt("%.1f..%.1f s", dropAfter.get(0), dropAfter.get(dropAfter.size() - 1))))
			.row("their sockets before they read again", Report.fmt("server side %s, Send-Q %s; client Recv-Q %s",
					states, Report.kib(sendQueued), Report.kib(receiveQueued)))
			.row("server heap: Netty outbound buffer entries (all sockets)", Report.count(outboundEntries))
			.row("after reading again: ERROR slow consumer / close 1008 / closed",
					Report.fmt("%d / %d / %d of %d (%,d backlogged MESSAGE frames read first)", gotSlowError,
							closedBy1008, closed, stalled.size(), backlog))
			.row("other sessions logged as slow consumers", Long.toString(otherDrops));
		report.put("stalledDropped", dropAfter.size()).put("stalledGotError", gotSlowError)
			.put("stalledClosed", closed).put("stalledSocketsBeforeResume", states)
			.put("stalledServerSendQueueBytes", sendQueued).put("stalledClientReceiveQueueBytes", receiveQueued)
			.put("serverOutboundBufferEntries", outboundEntries)
			.put("cleanP99Ms", cleanP99).put("p99VsClean", ratio == null ? null : Math.round((ratio - 1) * 1000) / 10.0)
			.put("otherSlowConsumerDrops", otherDrops);
		report.put("targetMet", Boolean.TRUE.equals(report.get("targetMet")) && dropAfter.size() == stalled.size()
				&& (ratio == null || ratio <= 1.10));
	}

	static void logReport(Report report, ServerProcess server) throws Exception {
		List<String> problems = new ArrayList<>();
		for (String line : server.logLines("")) {
			String[] words = line.strip().split("\\s+", 3);
			if (words.length > 1 && (words[1].equals("WARN") || words[1].equals("ERROR"))) {
				problems.add(line);
			}
		}
		report.row("server log WARN/ERROR lines", Integer.toString(problems.size()));
		problems.stream().map(line -> line.length() > 220 ? line.substring(0, 220) + "…" : line).distinct().limit(5)
			.forEach(line -> report.row("", line));
		report.put("serverLogProblems", problems.size());
	}

	/** Waits until every event loop these connections live on has run what it had: their counters are then final. */
	static void barrier(List<StompConnection> connections) throws Exception {
		Set<EventLoop> loops = connections.stream()
			.map(c -> c.channel)
			.filter(java.util.Objects::nonNull)
			.map(channel -> channel.eventLoop())
			.collect(Collectors.toSet());
		for (EventLoop loop : loops) {
			loop.submit(() -> {
			}).get(10, TimeUnit.SECONDS);
		}
	}

}
