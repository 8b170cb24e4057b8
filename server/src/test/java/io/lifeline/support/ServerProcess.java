package io.lifeline.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Lifeline node in its own JVM, as in production: started with settings as command-line arguments, ready once
 * {@code /actuator/health} answers, and killed the hard way (SIGKILL) when a test wants a crash.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final String name;

	private final int port;

	private final Map<String, String> settings;

	private Process process;

	private ServerProcess(String name, int port, Map<String, String> settings) {
		this.name = name;
		this.port = port;
		this.settings = settings;
	}

	/** Starts a node on a free port and waits until it is healthy. */
	public static ServerProcess start(String name, Map<String, String> settings) {
		ServerProcess node = new ServerProcess(name, freePort(), settings);
		node.start();
		return node;
	}

	public String url() {
		return "http://127.0.0.1:" + port;
	}

	/** Starts (again, on the same port) and waits until healthy. */
	public synchronized void start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("io.lifeline.LifelineApplication");
		command.add("--server.port=" + port);
		command.add("--lifeline.node-id=" + name);
		// Other features' cluster tests count events and assignees; routing's turns auto-assignment on itself.
		if (!settings.containsKey("lifeline.routing.auto-assign")) {
			command.add("--lifeline.routing.auto-assign=false");
		}
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		File log = Path.of("target", "nodes", name + ".log").toFile();
		log.getParentFile().mkdirs();
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		awaitHealthy(log);
	}

	/** Kills the JVM outright, as a crash would: no graceful shutdown, no goodbyes to clients. */
	public synchronized void kill() {
		if (process != null) {
			process.destroyForcibly();
			try {
				process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitHealthy(File log) {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Node " + name + " exited during startup; see " + log);
			}
			if (healthy()) {
				return;
			}
			try {
				process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("Node " + name + " was not healthy within " + STARTUP + "; see " + log);
	}

	private boolean healthy() {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/actuator/health").toURL()
				.openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(1000);
			return connection.getResponseCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
