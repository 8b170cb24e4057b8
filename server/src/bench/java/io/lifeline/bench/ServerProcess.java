package io.lifeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Lifeline server as a child process of the bench, on its own port, its output in a log file: so the bench can
 * look inside it with {@code jcmd} and {@code /proc} and is sure to stop it. Its embedded PostgreSQL (or the one
 * named by {@code bench.databaseUrl}) runs as the server's own child processes.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	final int port;

	final Path log;

	final List<String> command;

	private final String jcmd;

	private Path gcLog;

	private ServerProcess(Process process, int port, Path log, List<String> command) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.command = command;
		this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
	}

	static ServerProcess start(BenchConfig config, String name, int wantedPort, List<String> extraJvmArgs)
			throws IOException, InterruptedException {
		Files.createDirectories(config.out());
		int port = freePort(wantedPort);
		Path log = config.out().resolve("server-" + name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(config.serverJvmArgs());
		command.addAll(extraJvmArgs);
		Path gcLog = config.out().resolve("server-" + name + "-gc.log");
		Files.deleteIfExists(gcLog);
		command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath() + ":uptime");
		command.add("-jar");
		command.add(config.jar().toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("PORT", Integer.toString(port));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("LIFELINE_NODE_ID", "bench-" + name);
		if (config.databaseUrl() != null) {
			env.put("LIFELINE_DATABASE_URL", config.databaseUrl());
			env.put("LIFELINE_DATABASE_USERNAME", config.databaseUsername());
			env.put("LIFELINE_DEMO", "true");
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			env.put("LIFELINE_TOKEN_SECRET", HexFormat.of().formatHex(secret));
		}
		Bench.log("Starting the server (%s) on 127.0.0.1:%d, log %s", String.join(" ", command.subList(1, command.size())),
				port, log);
		ServerProcess server = new ServerProcess(builder.start(), port, log, command);
		server.gcLog = gcLog;
		Bench.track(server);
		Rest rest = new Rest(server.baseUrl());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		// Healthy, and the port is really this child's: never benchmark somebody else's server by mistake.
		while (!(rest.healthy() && Proc.listensOn(server.pid(), port))) {
			if (!server.process.isAlive()) {
				throw new IllegalStateException("The server exited with " + server.process.exitValue() + "; see " + log);
			}
			if (System.nanoTime() > deadline) {
				server.close();
				throw new IllegalStateException("The server was not healthy within 180 s; see " + log);
			}
			Thread.sleep(250);
		}
		Bench.log("Server up, pid %d", server.pid());
		return server;
	}

	/** {@code wanted}, or the next port up that nobody listens on (another server may be running nearby). */
	private static int freePort(int wanted) throws IOException {
		for (int port = wanted; port < wanted + 100; port++) {
			try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
				probe.setReuseAddress(false);
				probe.bind(new java.net.InetSocketAddress("0.0.0.0", port));
				if (port != wanted) {
					Bench.log("  port %d is taken; using %d", wanted, port);
				}
				return port;
			}
			catch (IOException ex) {
				// taken: try the next one
			}
		}
		throw new IOException("No free port in " + wanted + ".." + (wanted + 99));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	String wsUrl() {
		return "ws://127.0.0.1:" + port + "/ws";
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Fails the scenario if the server is gone: its figures would be meaningless. */
	void checkAlive() {
		if (!process.isAlive()) {
			throw new IllegalStateException("The server (pid " + pid() + ") exited with " + process.exitValue()
					+ " in the middle of the run" + (process.exitValue() == 137 || process.exitValue() == 143
							? " (killed by a signal from outside the bench?)" : "") + "; see " + log);
		}
	}

	/** Runs {@code jcmd <pid> args…} and returns what it printed. */
	String jcmd(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(jcmd, Long.toString(pid())));
		command.addAll(List.of(args));
		Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = run.getInputStream().readAllBytes();
		if (!run.waitFor(120, TimeUnit.SECONDS)) {
			run.destroyForcibly();
			throw new IOException("jcmd " + String.join(" ", args) + " timed out");
		}
		return new String(output, StandardCharsets.UTF_8);
	}

	/** CPU seconds (user + system) the server JVM used so far. */
	double cpuSeconds() {
		return Proc.cpuSeconds(pid());
	}

	/** How many lines the server's GC log has now (a mark to read pauses from). */
	int gcLogMark() {
		try {
			return Files.readAllLines(gcLog).size();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** The server's GC pauses logged after {@code mark}: {count, total ms, longest ms}. */
	double[] gcPausesSince(int mark) {
		double count = 0;
		double total = 0;
		double longest = 0;
		try {
			List<String> lines = Files.readAllLines(gcLog);
			java.util.regex.Pattern pause = java.util.regex.Pattern.compile("Pause.* ([0-9.]+)ms$");
			for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
				java.util.regex.Matcher matcher = pause.matcher(line.strip());
				if (matcher.find()) {
					double millis = Double.parseDouble(matcher.group(1));
					count++;
					total += millis;
					longest = Math.max(longest, millis);
				}
			}
		}
		catch (IOException ex) {
			// no log: report zeros
		}
		return new double[] { count, total, longest };
	}

	/** Every log line containing {@code text}. */
	List<String> logLines(String text) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			if (line.contains(text)) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** Stops the server gracefully (SIGTERM, so it shuts its embedded PostgreSQL down), forcibly after 30 s. */
	@Override
	public void close() {
		List<ProcessHandle> children = process.toHandle().descendants().toList();
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					process.waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
		for (ProcessHandle child : children) {
			if (child.isAlive()) {
				child.destroyForcibly();
			}
		}
		Bench.untrack(this);
	}

}
