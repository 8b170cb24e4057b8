package io.lifeline.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The bench's knobs, all {@code -Dbench.*} system properties (the Maven profile passes them through), each with the
 * default the README's figures were measured with.
 */
record BenchConfig(List<String> scenarios, Path jar, Path out, int port, String url, List<String> serverJvmArgs,
		String databaseUrl, String databaseUsername, List<Integer> fanoutSubscribers, int slowSubscribers,
		double slowPercent, int slowReceiveBuffer, int rate, int tickets, int warmupSeconds, int durationSeconds,
		int drainSeconds, String heartbeat, int idleSessions, int idleHoldSeconds, int idleWarmupSessions,
		int connectInFlight, int loopThreads, boolean jfr, int progressSeconds, int sweepSubscribers,
		List<Integer> sweepRates, int sweepWarmupSeconds, int sweepSeconds) {

	static final String DEFAULT_SERVER_JVM_ARGS = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError";

	static BenchConfig fromSystemProperties() {
		return new BenchConfig(list(text("bench.scenario", "all")), Path.of(text("bench.jar", "target/lifeline-server.jar")),
				Path.of(text("bench.out", "target/bench")), integer("bench.port", 18480), blankToNull(text("bench.url", "")),
				words(text("bench.serverJvmArgs", DEFAULT_SERVER_JVM_ARGS)), blankToNull(text("bench.databaseUrl", "")),
				text("bench.databaseUsername", "postgres"),
				list(text("bench.fanout.subscribers", "1000,5000")).stream().map(Integer::parseInt).toList(),
				integer("bench.slow.subscribers", 1000), Double.parseDouble(text("bench.slow.percent", "1")),
				integer("bench.slow.receiveBuffer", 0), integer("bench.rate", 100), integer("bench.tickets", 50),
				integer("bench.warmup", 30), integer("bench.duration", 60), integer("bench.drain", 15),
				text("bench.heartbeat", "10000,10000"), integer("bench.idle.sessions", 19_000),
				integer("bench.idle.hold", 60), integer("bench.idle.warmupSessions", 500),
				integer("bench.connect.inFlight", 200), integer("bench.loopThreads", 2),
				Boolean.parseBoolean(text("bench.jfr", "false")), integer("bench.progress", 5),
				integer("bench.sweep.subscribers", 1000),
				list(text("bench.sweep.rates", "10,25,50,100")).stream().map(Integer::parseInt).toList(),
				integer("bench.sweep.warmup", 20), integer("bench.sweep.duration", 30));
	}

	BenchConfig withJar(Path jar) {
		return new BenchConfig(scenarios, jar, out, port, url, serverJvmArgs, databaseUrl, databaseUsername,
				fanoutSubscribers, slowSubscribers, slowPercent, slowReceiveBuffer, rate, tickets, warmupSeconds,
				durationSeconds, drainSeconds, heartbeat, idleSessions, idleHoldSeconds, idleWarmupSessions,
				connectInFlight, loopThreads, jfr, progressSeconds, sweepSubscribers, sweepRates, sweepWarmupSeconds,
				sweepSeconds);
	}

	List<String> expandedScenarios() {
		return scenarios.contains("all") ? List.of("fanout", "slow", "idle") : scenarios;
	}

	private static String text(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
	}

	private static int integer(String name, int fallback) {
		return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", ""));
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).toList();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
