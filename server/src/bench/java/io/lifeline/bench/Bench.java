package io.lifeline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-time layer's benchmark: {@code fanout}, {@code slow} and {@code idle} (or {@code all}), chosen with
 * {@code -Dbench.scenario}. Each scenario starts its own server as a child process on a loopback port (18480 and
 * up), prints a table and a {@code RESULT {json}} line, and appends that line to {@code target/bench/results.jsonl}.
 * See {@code server/BENCHMARK.md}.
 */
public final class Bench {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final Set<ServerProcess> SERVERS = ConcurrentHashMap.newKeySet();

	private static GcWatch gc;

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchConfig config = BenchConfig.fromSystemProperties();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(SERVERS).forEach(ServerProcess::close)));
		gc = new GcWatch();
		if (config.url() == null && !Files.isRegularFile(config.jar())) {
			throw new IllegalStateException("No server jar at " + config.jar().toAbsolutePath()
					+ ": build it first (./mvnw -q -DskipTests package)");
		}
		if (config.url() == null) {
			// A private copy: a build running beside the bench may rewrite target/lifeline-server.jar meanwhile.
			Path directory = Files.createTempDirectory("lifeline-bench-");
			directory.toFile().deleteOnExit(); // deleted last: deleteOnExit runs in reverse order
			Path copy = directory.resolve("lifeline-server.jar");
			Files.copy(config.jar(), copy);
			copy.toFile().deleteOnExit();
			config = config.withJar(copy);
		}
		log("Lifeline real-time bench: %s; %d cores; load generator JVM %s %s", config.expandedScenarios(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				java.lang.management.ManagementFactory.getRuntimeMXBean()
					.getInputArguments()
					.stream()
					.filter(argument -> !argument.contains("${"))
					.toList());
		double[] before = Proc.machineCpuSeconds();
		Thread.sleep(2_000);
		double[] after = Proc.machineCpuSeconds();
		double busy = 100 * (after[0] - before[0]) / 2.0;
		log("Machine busy before the bench: %.0f %% of %d00 %%%s", busy, Runtime.getRuntime().availableProcessors(),
				busy > 20 ? "  <- something else is running: the figures will be off" : "");
		List<Report> reports = new ArrayList<>();
		int port = config.port();
		boolean failed = false;
		for (String scenario : config.expandedScenarios()) {
			try {
				switch (scenario) {
					case "fanout" -> {
						for (int subscribers : config.fanoutSubscribers()) {
							reports.add(finish(config, FanoutScenario.run(config, "fanout", subscribers, 0, port++, null)));
						}
					}
					case "slow" -> {
						int subscribers = config.slowSubscribers();
						int stalled = (int) Math.max(1, Math.round(subscribers * config.slowPercent() / 100));
						Report clean = clean(reports, config.out(), subscribers);
						reports.add(finish(config, FanoutScenario.run(config, "slow", subscribers, stalled, port++, clean)));
					}
					case "chat" -> {
						for (int rate : ChatScenario.rates()) {
							reports.add(finish(config, ChatScenario.run(config, ChatScenario.conversations(), rate, port++)));
						}
					}
					case "signal" -> reports.add(finish(config,
							SignalScenario.run(config, SignalScenario.sessions(), SignalScenario.rate(), port++)));
					case "sweep" -> reports.add(finish(config, SweepScenario.run(config, port++)));
					case "sla" -> reports.add(finish(config, SlaTimerScenario.run()));
					case "idle" -> {
						if (config.url() != null) {
							throw new IllegalArgumentException("idle measures the server's memory: it needs to start the server itself (leave bench.url unset)");
						}
						reports.add(finish(config, IdleScenario.run(config, port++)));
					}
					default -> throw new IllegalArgumentException(
							"Unknown scenario '" + scenario + "': fanout, slow, idle, sweep, chat, signal, sla or all (= fanout,slow,idle)");
				}
			}
			catch (Exception ex) {
				failed = true;
				log("Scenario %s failed: %s", scenario, ex);
				ex.printStackTrace();
			}
		}
		summary(reports);
		List.copyOf(SERVERS).forEach(ServerProcess::close);
		System.exit(failed ? 1 : 0);
	}

	static GcWatch gc() {
		return gc;
	}

	static void log(String format, Object... args) {
		System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + String.format(java.util.Locale.ROOT, format, args));
		System.out.flush();
	}

	static void track(ServerProcess server) {
		SERVERS.add(server);
	}

	static void untrack(ServerProcess server) {
		SERVERS.remove(server);
	}

	private static Report finish(BenchConfig config, Report report) throws Exception {
		report.print();
		report.append(config.out());
		return report;
	}

	/** The clean fanout run at the same size: from this invocation, else the newest in results.jsonl. */
	private static Report clean(List<Report> reports, Path out, int subscribers) throws Exception {
		for (int i = reports.size() - 1; i >= 0; i--) {
			Report report = reports.get(i);
			if ("fanout".equals(report.get("scenario")) && Integer.valueOf(subscribers).equals(report.get("subscribers"))) {
				return report;
			}
		}
		Path results = out.resolve("results.jsonl");
		if (!Files.exists(results)) {
			return null;
		}
		JsonMapper json = JsonMapper.builder().build();
		Report found = null;
		for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = json.readTree(line);
			if ("fanout".equals(node.path("scenario").asString()) && node.path("subscribers").asInt() == subscribers) {
				found = new Report("fanout", "earlier run");
				found.put("p99Ms", node.path("p99Ms").asDouble());
				found.put("subscribers", subscribers);
			}
		}
		if (found != null) {
			log("Comparing with the clean fanout run at %,d subscribers found in %s (p99 %.1f ms)", subscribers, results,
					found.get("p99Ms"));
		}
		return found;
	}

	private static void summary(List<Report> reports) {
		if (reports.isEmpty()) {
			return;
		}
		System.out.println();
		System.out.println("Summary");
		System.out.println(String.format("%-8s %8s %9s %9s %9s %10s %8s %8s  %s", "scenario", "sessions", "p50 ms",
				"p99 ms", "max ms", "lost", "dropped", "KiB/ses", "target"));
		for (Report report : reports) {
			Map<String, Object> r = report.result();
			Object perSession = r.get("perSessionBytes");
			System.out.println(String.format("%-8s %8s %9s %9s %9s %10s %8s %8s  %s", r.get("scenario"),
					r.getOrDefault("sessions", "-"), r.getOrDefault("p50Ms", "-"), r.getOrDefault("p99Ms", "-"),
					r.getOrDefault("maxMs", "-"), r.getOrDefault("lost", "-"),
					r.getOrDefault("readingSessionsDropped", "-"),
					perSession == null ? "-" : Report.fmt("%.1f", ((Number) perSession).longValue() / 1024.0),
					!r.containsKey("targetMet") ? "-" : Boolean.TRUE.equals(r.get("targetMet")) ? "met" : "MISSED"));
		}
	}

}
