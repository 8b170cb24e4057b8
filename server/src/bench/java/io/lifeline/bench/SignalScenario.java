package io.lifeline.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code signal}: N assist sessions (tickets opened by alice for carol and dave, asked for by alice, consented to by
 * the customer), both sides joined to {@code /signal} with their own WebSocket. Every side then sends ICE candidates
 * to the other at a fixed rate in an open loop; each carries its number, so the receiving side matches it to the
 * moment it was handed to the sending socket. Relay latency is that send-to-read time (one JVM, System.nanoTime), for
 * messages sent inside the window; every message must arrive once.
 */
final class SignalScenario {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PREFIX = "b ";

	private SignalScenario() {
	}

	static int sessions() {
		return Integer.parseInt(text("bench.signal.sessions", "200").replace("_", ""));
	}

	/** Messages per second each side of a session sends. */
	static int rate() {
		return Integer.parseInt(text("bench.signal.rate", "5"));
	}

	private static String text(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
	}

	static Report run(BenchConfig config, int sessions, int ratePerSide, int port) throws Exception {
		ServerProcess server = config.url() == null ? ServerProcess.start(config, "signal", port, List.of()) : null;
		String base = server != null ? server.baseUrl() : config.url();
		int sockets = sessions * 2;
		int rate = sockets * ratePerSide;
		Report report = new Report("signal", Report.fmt(
				"signal: %,d assist sessions (%,d sockets), each side sending %d candidates/s (%,d msg/s relayed), %d s measured",
				sessions, sockets, ratePerSide, rate, config.durationSeconds()));
		report.put("sessions", sessions).put("sockets", sockets).put("ratePerSide", ratePerSide).put("rate", rate)
			.put("durationSeconds", config.durationSeconds()).put("warmupSeconds", config.warmupSeconds())
			.put("serverJvmArgs", server == null ? "(external server)" : String.join(" ", config.serverJvmArgs()));
		LoopResources loops = LoopResources.create("bench-signal", config.loopThreads(), true);
		List<Side> sides = new ArrayList<>(sockets);
		try {
			List<String[]> tokens = grants(base, sessions);
			int capacity = (int) Math.min(Integer.MAX_VALUE - 16,
					(long) rate * (config.warmupSeconds() + config.durationSeconds() + 5) + 1024);
			Tracker tracker = new Tracker(capacity);
			HttpClient http = HttpClient.newConnection().runOn(loops).compress(false);
			String url = base.replace("http://", "ws://") + "/signal";
			long connectStarted = System.nanoTime();
			for (String[] pair : tokens) {
				sides.add(new Side(http, url, pair[0], tracker));
				sides.add(new Side(http, url, pair[1], tracker));
			}
			CompletableFuture.allOf(sides.stream().map(side -> side.ready).toArray(CompletableFuture[]::new))
				.get(120, TimeUnit.SECONDS);
			Bench.log("%,d sockets joined in %.1f s", sockets, (System.nanoTime() - connectStarted) / 1e9);

			long started = System.nanoTime();
			long windowFrom = started + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
			long windowTo = windowFrom + TimeUnit.SECONDS.toNanos(config.durationSeconds());
			tracker.windowFrom = windowFrom;
			tracker.windowTo = windowTo;
			Bench.log("Warm-up %d s, then %d s measured, at %,d msg/s", config.warmupSeconds(), config.durationSeconds(),
					rate);
			double serverCpu0 = 0;
			double selfCpu0 = 0;
			double[] machine0 = null;
			boolean windowOpen = false;
			int sent = 0;
			long lastProgress = started;
			while (true) {
				long now = System.nanoTime();
				if (now >= windowTo) {
					break;
				}
				if (!windowOpen && now >= windowFrom) {
					windowOpen = true;
					serverCpu0 = server == null ? 0 : server.cpuSeconds();
					selfCpu0 = Proc.selfCpuSeconds();
					machine0 = Proc.machineCpuSeconds();
					tracker.latency.reset();
					Bench.log("Measuring for %d s", config.durationSeconds());
				}
				long due = Math.min(capacity, (now - started) * rate / 1_000_000_000L);
				while (sent < due) {
					int n = sent++;
					tracker.sentAt.set(n, System.nanoTime());
					sides.get(n % sockets).send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"" + PREFIX + n
							+ "\"}}");
				}
				if (now - lastProgress >= TimeUnit.SECONDS.toNanos(config.progressSeconds())) {
					if (server != null) {
						server.checkAlive();
					}
					Histogram interval = tracker.progress.getIntervalHistogram();
					Bench.log("  %4d s: delivered %,7d  p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms  errors %,d",
							TimeUnit.NANOSECONDS.toSeconds(now - started), interval.getTotalCount(),
							interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
							interval.getMaxValue() / 1000.0, tracker.errors.sum());
					lastProgress = now;
				}
				Thread.sleep(0, 500_000);
			}
			double seconds = (System.nanoTime() - windowFrom) / 1e9;
			double serverCpu1 = server == null ? 0 : server.cpuSeconds();
			double selfCpu1 = Proc.selfCpuSeconds();
			double[] machine1 = Proc.machineCpuSeconds();
			long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
			while (tracker.delivered.sum() < sent && System.nanoTime() < drainEnd) {
				Thread.sleep(100);
			}

			long inWindow = 0;
			long lost = 0;
			long duplicates = 0;
			for (int n = 0; n < sent; n++) {
				int deliveries = tracker.deliveries.get(n);
				long at = tracker.sentAt.get(n);
				if (at >= windowFrom && at < windowTo) {
					inWindow++;
				}
				if (deliveries == 0) {
					lost++;
				}
				duplicates += Math.max(0, deliveries - 1);
			}
			Histogram latency = tracker.latency.getIntervalHistogram();
			long closed = sides.stream().filter(side -> side.closed).count();
			double serverPct = 100 * (serverCpu1 - serverCpu0) / seconds;
			double loadPct = 100 * (selfCpu1 - selfCpu0) / seconds;
			double machinePct = machine0 == null ? 0 : 100 * (machine1[0] - machine0[0]) / seconds;
			long p50 = latency.getValueAtPercentile(50);
			long p99 = latency.getValueAtPercentile(99);
			report.section("Relay (latency: candidate handed to one side's socket -> read by the other side)")
				.row("relay latency p50", Report.ms(p50))
				.row("  p90 / p99 / p99.9", Report.ms(latency.getValueAtPercentile(90)) + " / " + Report.ms(p99) + " / "
						+ Report.ms(latency.getValueAtPercentile(99.9)))
				.row("  max", Report.ms(latency.getMaxValue()))
				.row("sent in window / whole run", Report.fmt("%,d / %,d (%,.0f msg/s)", inWindow, sent, inWindow / seconds))
				.row("lost / duplicated", Report.count(lost) + " / " + Report.count(duplicates))
				.row("error messages", tracker.errors.sum() == 0 ? "0" : tracker.errorCodes.toString())
				.row("sockets closed during the run", Long.toString(closed))
				.section("CPU over the window (100 % = one core; the box has "
						+ Runtime.getRuntime().availableProcessors() + ")")
				.row("server JVM / load generator / machine",
						Report.fmt("%.0f %% / %.0f %% / %.0f %%", serverPct, loadPct, machinePct));
			report.put("p50Ms", Report.msValue(p50)).put("p90Ms", Report.msValue(latency.getValueAtPercentile(90)))
				.put("p99Ms", Report.msValue(p99)).put("maxMs", Report.msValue(latency.getMaxValue()))
				.put("sentInWindow", inWindow).put("sent", sent).put("lost", lost).put("duplicates", duplicates)
				.put("errors", tracker.errors.sum()).put("socketsClosed", closed)
				.put("serverCpuPct", Math.round(serverPct)).put("loadGeneratorCpuPct", Math.round(loadPct))
				.put("machineCpuPct", Math.round(machinePct));
			if (server != null) {
				FanoutScenario.logReport(report, server);
			}
			return report;
		}
		finally {
			sides.forEach(Side::close);
			loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
			if (server != null) {
				server.close();
			}
		}
	}

	/** Opens the tickets, asks, consents and joins; each session's {customer token, agent token}. */
	private static List<String[]> grants(String base, int sessions) throws Exception {
		Rest rest = new Rest(base);
		Rest.Login alice = rest.login("alice", Fixture.PASSWORD);
		List<Rest.Login> customers = List.of(rest.login("carol", Fixture.PASSWORD), rest.login("dave", Fixture.PASSWORD));
		long started = System.nanoTime();
		List<String[]> tokens = new ArrayList<>(sessions);
		for (int i = 0; i < sessions; i++) {
			Rest.Login customer = customers.get(i % customers.size());
			String ticket = rest.createTicket(alice.token(), customer.userId(), "Signal benchmark " + (i + 1))[0];
			String session = rest.post("/api/tickets/" + ticket + "/assist-sessions", alice.token(),
					Map.of("scopes", List.of("view", "pointer"), "reason", "bench"), 201).get("id").asString();
			rest.post("/api/assist-sessions/" + session + "/consent", customer.token(),
					Map.of("scopes", List.of("view", "pointer")), 200);
			String customerToken = rest.post("/api/assist-sessions/" + session + "/join", customer.token(), null, 200)
				.get("token").asString();
			String agentToken = rest.post("/api/assist-sessions/" + session + "/join", alice.token(), null, 200)
				.get("token").asString();
			tokens.add(new String[] { customerToken, agentToken });
		}
		Bench.log("Opened %,d tickets with consented assist sessions and join tokens in %.1f s", sessions,
				(System.nanoTime() - started) / 1e9);
		return tokens;
	}

	/** Per-message state, by message number. */
	static final class Tracker {

		final AtomicLongArray sentAt;

		final AtomicIntegerArray deliveries;

		final Recorder latency = new Recorder(1, Latency.HIGHEST_MICROS, 3);

		final Recorder progress = new Recorder(1, Latency.HIGHEST_MICROS, 3);

		final LongAdder delivered = new LongAdder();

		final LongAdder errors = new LongAdder();

		final Map<String, Long> errorCodes = new ConcurrentHashMap<>();

		volatile long windowFrom = Long.MAX_VALUE;

		volatile long windowTo = Long.MAX_VALUE;

		Tracker(int capacity) {
			sentAt = new AtomicLongArray(capacity);
			deliveries = new AtomicIntegerArray(capacity);
		}

		void received(String text, long nanos) {
			JsonNode message = JSON.readTree(text);
			String type = message.path("type").asString();
			if ("error".equals(type)) {
				errors.increment();
				errorCodes.merge(message.path("code").asString(), 1L, Long::sum);
				return;
			}
			if (!"candidate".equals(type)) {
				return;
			}
			String candidate = message.path("candidate").path("candidate").asString();
			int n = Integer.parseInt(candidate.substring(PREFIX.length()));
			if (deliveries.getAndIncrement(n) == 0) {
				delivered.increment();
			}
			long at = sentAt.get(n);
			long micros = Math.min(Math.max(0, (nanos - at) / 1_000), Latency.HIGHEST_MICROS);
			progress.recordValue(micros);
			if (at >= windowFrom && at < windowTo) {
				latency.recordValue(micros);
			}
		}

	}

	/** One side of a session: a WebSocket that joins with its token, then sends what it is given. */
	static final class Side {

		final CompletableFuture<Side> ready = new CompletableFuture<>();

		private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

		private final Disposable connection;

		volatile boolean closed;

		Side(HttpClient http, String url, String token, Tracker tracker) {
			outgoing.tryEmitNext("{\"type\":\"join\",\"token\":\"" + token + "\"}");
			this.connection = http.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
				.uri(URI.create(url))
				.handle((in, out) -> {
					Mono<Void> reading = in.receive().asString().doOnNext(text -> {
						long nanos = System.nanoTime();
						if (!ready.isDone() && text.contains("\"joined\"")) {
							ready.complete(this);
							return;
						}
						tracker.received(text, nanos);
					}).then();
					return Mono.zip(reading, out.sendString(outgoing.asFlux()).then()).then();
				})
				.doFinally(signal -> {
					closed = true;
					ready.completeExceptionally(new IllegalStateException("closed before joining"));
				})
				.subscribe();
		}

		synchronized void send(String text) {
			outgoing.tryEmitNext(text);
		}

		void close() {
			connection.dispose();
		}

	}

}
