package io.lifeline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.netty.channel.ChannelOption;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * Many STOMP-over-WebSocket sessions from one process: one small event loop group for all of them (Reactor Netty,
 * epoll), no connection pool (a WebSocket is never handed back), and one sweep thread that sends the heart-beats due
 * and notices a server that fell silent.
 */
final class StompClient implements AutoCloseable {

	static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final String uri;

	private final Latency latency;

	private final LoopResources loops;

	private final HttpClient http;

	private final HttpClient stalled;

	private final WebsocketClientSpec spec = WebsocketClientSpec.builder()
		.protocols("v12.stomp")
		.maxFramePayloadLength(1 << 20)
		.handlePing(false)
		.build();

	private final Set<StompConnection> connections = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bench-heartbeats");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param wsUri {@code ws://127.0.0.1:port/ws}
	 * @param loopThreads event loop threads shared by every connection
	 * @param stalledReceiveBuffer SO_RCVBUF for the connections that stop reading (0: the kernel's default)
	 */
	StompClient(String wsUri, Latency latency, int loopThreads, int stalledReceiveBuffer) {
		this.uri = wsUri;
		this.latency = latency;
		this.loops = LoopResources.create("bench-loop", loopThreads, true);
		this.http = HttpClient.newConnection().runOn(loops).compress(false).wiretap(Boolean.getBoolean("bench.wiretap"));
		this.stalled = stalledReceiveBuffer > 0 ? http.option(ChannelOption.SO_RCVBUF, stalledReceiveBuffer) : http;
		sweeper.scheduleAtFixedRate(this::sweep, 500, 500, TimeUnit.MILLISECONDS);
	}

	/** Opens one session; its {@code ready} completes once CONNECTED (and the subscription's RECEIPT) arrived. */
	StompConnection connect(int index, StompConnection.Options options) {
		StompConnection connection = new StompConnection(index, options, latency);
		connections.add(connection);
		(options.slow() ? stalled : http).websocket(spec).uri(uri).handle((in, out) -> {
			Connection[] holder = new Connection[1];
			in.withConnection(c -> holder[0] = c);
			holder[0].addHandlerLast("bench-stomp", connection);
			connection.attach(holder[0].channel());
			// The handler takes every data frame before Reactor Netty sees it; subscribing here (unbounded demand)
			// keeps Reactor Netty from switching auto-read off for want of a reader, and ends with the connection.
			return in.receiveFrames().then();
		}).subscribe(ignored -> {
		}, connection::ended, () -> connection.ended(null));
		connection.ready.orTimeout(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		return connection;
	}

	/**
	 * The outcome of opening many sessions: those ready, how many slots stayed unfilled after every retry, how many
	 * attempts failed in all and why.
	 */
	record Opened(List<StompConnection> ready, int failed, int failedAttempts, Map<String, Integer> reasons,
			Duration took) {
	}

	/**
	 * Opens {@code count} sessions, at most {@code inFlight} handshakes at a time, and waits for each to be ready or
	 * to fail; a slot whose session failed is tried again, up to {@code attempts} times in all (as a real client
	 * would reconnect), and every failure is counted.
	 */
	Opened connectAll(int count, int inFlight, int attempts, IntFunction<StompConnection.Options> options)
			throws InterruptedException {
		long started = System.nanoTime();
		List<StompConnection> ready = new ArrayList<>(count);
		Map<String, Integer> reasons = new LinkedHashMap<>();
		List<Integer> pending = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			pending.add(i);
		}
		int failedAttempts = 0;
		for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
			if (attempt > 1) {
				Bench.log("  retrying %,d sessions that failed (attempt %d of %d)", pending.size(), attempt, attempts);
			}
			Semaphore permits = new Semaphore(inFlight);
			List<StompConnection> round = new ArrayList<>(pending.size());
			long lastReport = System.nanoTime();
			for (int n = 0; n < pending.size(); n++) {
				permits.acquire();
				StompConnection connection = connect(pending.get(n), options.apply(pending.get(n)));
				connection.ready.whenComplete((c, ex) -> permits.release());
				round.add(connection);
				long now = System.nanoTime();
				if (now - lastReport > 2_000_000_000L) {
					lastReport = now;
					Bench.log("  connecting: %,d of %,d started", n + 1, pending.size());
				}
			}
			CompletableFuture
				.allOf(round.stream().map(c -> c.ready.exceptionally(ex -> null)).toArray(CompletableFuture[]::new))
				.join();
			pending = new ArrayList<>();
			for (StompConnection connection : round) {
				if (connection.ready.isCompletedExceptionally()) {
					Throwable cause = connection.ready.exceptionNow();
					String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
					reasons.merge(reason.length() > 160 ? reason.substring(0, 160) : reason, 1, Integer::sum);
					failedAttempts++;
					connection.close();
					connections.remove(connection);
					pending.add(connection.index);
				}
				else {
					ready.add(connection);
				}
			}
		}
		return new Opened(ready, pending.size(), failedAttempts, reasons,
				Duration.ofNanos(System.nanoTime() - started));
	}

	long lateServerBeats() {
		return connections.stream().mapToLong(c -> c.lateServerBeats).sum();
	}

	int openCount() {
		return (int) connections.stream().filter(StompConnection::open).count();
	}

	private void sweep() {
		long now = System.nanoTime();
		for (StompConnection connection : connections) {
			try {
				connection.heartbeatIfDue(now);
				connection.checkServerBeat(now);
			}
			catch (RuntimeException ex) {
				// a connection closing under us: the next sweep skips it
			}
		}
	}

	@Override
	public void close() {
		sweeper.shutdownNow();
		List<CompletableFuture<StompConnection>> closing = new ArrayList<>();
		for (StompConnection connection : connections) {
			connection.close();
			closing.add(connection.closed);
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			Bench.log("  (some connections did not report closing within 20 s)");
		}
		connections.clear();
		loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
