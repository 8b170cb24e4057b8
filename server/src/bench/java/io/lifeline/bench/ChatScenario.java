package io.lifeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code chat}: N tickets (conversations) opened for the customers carol and dave; agent sessions (alice, bob) each
 * subscribe to up to 60 of their {@code /topic/tickets.{id}}; customer sessions SEND
 * {@code /app/tickets.{id}/messages} with a receipt, at a fixed offered rate in an open loop, round-robin over the
 * conversations, each with a unique {@code clientMessageId}. Latency is send-to-delivery: the subscriber's
 * {@code message.created} frame read (System.nanoTime) minus the time the SEND was handed to the socket, matched by
 * clientMessageId, both on this JVM's monotonic clock. Each ticket is watched by exactly one agent session, so every
 * message must arrive exactly once.
 */
final class ChatScenario {

	static final int SUBSCRIPTIONS_PER_SESSION = 60;

	/** Frames a sender session is given per second (the server allows 50, with a burst of as many). */
	static final int SENDS_PER_SESSION = 20;

	private static final byte[] CLIENT_ID_KEY = Frames.ascii("\"clientMessageId\":\"m");

	private static final byte[] CREATED = Frames.ascii("\"type\":\"message.created\"");

	private ChatScenario() {
	}

	static int conversations() {
		return Integer.parseInt(text("bench.chat.conversations", "1000").replace("_", ""));
	}

	static List<Integer> rates() {
		List<Integer> rates = new ArrayList<>();
		for (String rate : text("bench.chat.rate", "2000").split(",")) {
			if (!rate.isBlank()) {
				rates.add(Integer.parseInt(rate.strip().replace("_", "")));
			}
		}
		return rates;
	}

	private static String text(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
	}

	static Report run(BenchConfig config, int conversations, int rate, int port) throws Exception {
		String label = "chat-" + rate;
		ServerProcess server = config.url() == null ? ServerProcess.start(config, label, port, List.of()) : null;
		String base = server != null ? server.baseUrl() : config.url();
		String ws = base.replace("http://", "ws://") + "/ws";
		int agentSessions = (conversations + SUBSCRIPTIONS_PER_SESSION - 1) / SUBSCRIPTIONS_PER_SESSION;
		int senderSessions = Math.max(4, (rate + SENDS_PER_SESSION - 1) / SENDS_PER_SESSION);
		senderSessions += senderSessions % 2;
		Report report = new Report("chat", Report.fmt(
				"chat: %,d conversations, %,d msg/s offered by %d customer sessions, %d agent sessions watching, %d s measured",
				conversations, rate, senderSessions, agentSessions, config.durationSeconds()));
		report.put("conversations", conversations).put("rate", rate).put("senderSessions", senderSessions)
			.put("agentSessions", agentSessions).put("durationSeconds", config.durationSeconds())
			.put("warmupSeconds", config.warmupSeconds())
			.put("serverJvmArgs", server == null ? "(external server)" : String.join(" ", config.serverJvmArgs()));
		try {
			Rest rest = new Rest(base);
			Rest.Login alice = rest.login("alice", Fixture.PASSWORD);
			Rest.Login bob = rest.login("bob", Fixture.PASSWORD);
			List<Rest.Login> customers = List.of(rest.login("carol", Fixture.PASSWORD), rest.login("dave", Fixture.PASSWORD));
			long openStarted = System.nanoTime();
			String[] tickets = new String[conversations];
			for (int i = 0; i < conversations; i++) {
				tickets[i] = rest.createTicket(i % 2 == 0 ? alice.token() : bob.token(),
						customers.get(i % customers.size()).userId(), "Chat benchmark " + (i + 1))[0];
			}
			Bench.log("Opened %,d tickets for carol and dave in %.1f s", conversations,
					(System.nanoTime() - openStarted) / 1e9);

			int capacity = (int) Math.min(Integer.MAX_VALUE - 16,
					(long) rate * (config.warmupSeconds() + config.durationSeconds() + 5) + 1024);
			Tracker tracker = new Tracker(capacity);
			Latency unused = new Latency();
			try (StompClient client = new StompClient(ws, unused, config.loopThreads(), 0)) {
				// Agents: connect, then subscribe (paced under the frame limit) and wait for every RECEIPT.
				StompClient.Opened agents = client.connectAll(agentSessions, config.connectInFlight(), 3,
						i -> new StompConnection.Options(i % 2 == 0 ? alice.token() : bob.token(), config.heartbeat(),
								null, false));
				CountDownLatch subscribed = new CountDownLatch(conversations);
				for (StompConnection agent : agents.ready()) {
					agent.listener = tracker.agent(subscribed);
				}
				long subscribeStarted = System.nanoTime();
				for (int k = 0; k < SUBSCRIPTIONS_PER_SESSION; k++) {
					for (int a = 0; a < agents.ready().size(); a++) {
						int ticket = a * SUBSCRIPTIONS_PER_SESSION + k;
						if (ticket < conversations) {
							agents.ready().get(a).write("SUBSCRIBE\nid:" + k + "\ndestination:/topic/tickets."
									+ tickets[ticket] + "\nreceipt:sub-" + k + "\n\n\0");
						}
					}
					Thread.sleep(40);
				}
				if (!subscribed.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException(subscribed.getCount() + " subscriptions got no RECEIPT in 60 s; errors "
							+ tracker.errors);
				}
				Bench.log("%d agent sessions subscribed to %,d ticket topics in %.1f s", agents.ready().size(),
						conversations, (System.nanoTime() - subscribeStarted) / 1e9);

				// Customers: sender sessions, half carol's, half dave's.
				StompClient.Opened senders = client.connectAll(senderSessions, config.connectInFlight(), 3,
						i -> new StompConnection.Options(customers.get(i % customers.size()).token(), config.heartbeat(),
								null, false));
				if (senders.failed() > 0 || agents.failed() > 0) {
					throw new IllegalStateException("sessions failed to connect: agents " + agents.reasons() + ", senders "
							+ senders.reasons());
				}
				List<List<StompConnection>> byCustomer = List.of(new ArrayList<>(), new ArrayList<>());
				for (StompConnection sender : senders.ready()) {
					sender.listener = tracker.sender();
					byCustomer.get(sender.index % 2).add(sender);
				}
				Bench.log("%d customer sessions connected", senders.ready().size());

				// The open-loop driver: message n goes to ticket n % N, from a session of that ticket's customer.
				long started = System.nanoTime();
				long windowFrom = started + TimeUnit.SECONDS.toNanos(config.warmupSeconds());
				long windowTo = windowFrom + TimeUnit.SECONDS.toNanos(config.durationSeconds());
				tracker.windowFrom = windowFrom;
				tracker.windowTo = windowTo;
				Bench.log("Warm-up %d s, then %d s measured, at %,d msg/s", config.warmupSeconds(),
						config.durationSeconds(), rate);
				GcWatch gc = Bench.gc();
				double serverCpu0 = 0;
				double selfCpu0 = 0;
				double[] machine0 = null;
				int gcMark = 0;
				boolean windowOpen = false;
				int sent = 0;
				long lastProgress = started;
				int progressSent = 0;
				while (true) {
					long now = System.nanoTime();
					if (now >= windowTo) {
						break;
					}
					if (!windowOpen && now >= windowFrom) {
						windowOpen = true;
						gc.reset();
						serverCpu0 = server == null ? 0 : server.cpuSeconds();
						selfCpu0 = Proc.selfCpuSeconds();
						machine0 = Proc.machineCpuSeconds();
						gcMark = server == null ? 0 : server.gcLogMark();
						tracker.sendLatency.reset();
						tracker.receiptLatency.reset();
						Bench.log("Measuring for %d s", config.durationSeconds());
					}
					long due = Math.min(capacity, (now - started) * rate / 1_000_000_000L);
					while (sent < due) {
						int n = sent++;
						int ticket = n % conversations;
						List<StompConnection> group = byCustomer.get(ticket % 2);
						StompConnection sender = group.get((n / 2) % group.size());
						String frame = "SEND\ndestination:/app/tickets." + tickets[ticket]
								+ "/messages\ncontent-type:application/json\nreceipt:r" + n + "\n\n{\"body\":\"bench message "
								+ n + "\",\"clientMessageId\":\"m" + n + "\"}\0";
						tracker.sentAt.set(n, System.nanoTime());
						sender.write(frame);
					}
					if (now - lastProgress >= TimeUnit.SECONDS.toNanos(config.progressSeconds())) {
						if (server != null) {
							server.checkAlive();
						}
						Histogram interval = tracker.progress.getIntervalHistogram();
						Bench.log("  %4d s: sent %,7d/s  delivered %,7d  p50 %6.1f ms  p99 %7.1f ms  max %7.1f ms  receipts %,d  errors %,d",
								TimeUnit.NANOSECONDS.toSeconds(now - started),
								(sent - progressSent) * 1_000_000_000L / (now - lastProgress), interval.getTotalCount(),
								interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
								interval.getMaxValue() / 1000.0, tracker.receipts.sum(), tracker.errorCount.sum());
						lastProgress = now;
						progressSent = sent;
					}
					Thread.sleep(0, 500_000);
				}
				double seconds = (System.nanoTime() - windowFrom) / 1e9;
				double serverCpu1 = server == null ? 0 : server.cpuSeconds();
				double selfCpu1 = Proc.selfCpuSeconds();
				double[] machine1 = Proc.machineCpuSeconds();
				String gcSummary = gc.summary();
				double[] serverGc = server == null ? new double[3] : server.gcPausesSince(gcMark);
				Bench.log("Sent %,d messages; draining up to %d s", sent, config.drainSeconds());

				long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.drainSeconds());
				while (System.nanoTime() < drainEnd) {
					if (tracker.delivered.sum() >= sent && tracker.receipts.sum() >= sent) {
						break;
					}
					Thread.sleep(100);
				}
				Thread.sleep(500);
				List<StompConnection> all = new ArrayList<>(agents.ready());
				all.addAll(senders.ready());
				FanoutScenario.barrier(all);

				// Accounting over every message sent, and over those sent inside the window.
				long receipted = 0;
				long deliveredOnce = 0;
				long lost = 0;
				long unreceiptedUndelivered = 0;
				long receiptedNotDelivered = 0;
				long duplicates = 0;
				long inWindow = 0;
				long inWindowDelivered = 0;
				for (int n = 0; n < sent; n++) {
					boolean got = tracker.receipted.get(n) != 0;
					int deliveries = tracker.deliveries.get(n);
					long at = tracker.sentAt.get(n);
					if (got) {
						receipted++;
					}
					if (deliveries > 0) {
						deliveredOnce++;
						duplicates += deliveries - 1;
					}
					else if (got) {
						receiptedNotDelivered++;
					}
					else {
						unreceiptedUndelivered++;
					}
					if (at >= windowFrom && at < windowTo) {
						inWindow++;
						if (deliveries > 0) {
							inWindowDelivered++;
						}
					}
				}
				lost = receiptedNotDelivered;
				Histogram latency = tracker.sendLatency.getIntervalHistogram();
				Histogram receiptLatency = tracker.receiptLatency.getIntervalHistogram();
				long p50 = latency.getValueAtPercentile(50);
				long p90 = latency.getValueAtPercentile(90);
				long p99 = latency.getValueAtPercentile(99);
				long p999 = latency.getValueAtPercentile(99.9);
				long max = latency.getMaxValue();
				double serverPct = 100 * (serverCpu1 - serverCpu0) / seconds;
				double loadPct = 100 * (selfCpu1 - selfCpu0) / seconds;
				double machinePct = machine0 == null ? 0 : 100 * (machine1[0] - machine0[0]) / seconds;
				long dropped = all.stream().filter(c -> c.closed.isDone()).count();
				Map<String, Long> errors = new TreeMap<>(tracker.errors);

				report.section("Messages (latency: SEND written -> message.created read by the watching agent)")
					.row("send-to-delivery latency p50", Report.ms(p50))
					.row("  p90 / p99 / p99.9", Report.ms(p90) + " / " + Report.ms(p99) + " / " + Report.ms(p999))
					.row("  max", Report.ms(max))
					.row("sent in window / delivered (rate)", Report.fmt("%,d / %,d  (%,.0f sent/s, %,.0f delivered/s)",
							inWindow, inWindowDelivered, inWindow / seconds, inWindowDelivered / seconds))
					.row("whole run: sent / RECEIPTs / delivered", Report.fmt("%,d / %,d / %,d", sent, receipted,
							deliveredOnce))
					.row("lost (receipted, never delivered)", Report.count(lost))
					.row("no RECEIPT and not delivered", Report.count(unreceiptedUndelivered))
					.row("duplicates (same message twice to a subscriber)", Report.count(duplicates))
					.row("send-to-RECEIPT p50 / p99 / max", Report.ms(receiptLatency.getValueAtPercentile(50)) + " / "
							+ Report.ms(receiptLatency.getValueAtPercentile(99)) + " / "
							+ Report.ms(receiptLatency.getMaxValue()))
					.row("ERROR frames", errors.isEmpty() ? "0" : errors.toString())
					.row("sessions closed during the run", Long.toString(dropped))
					.section("CPU over the window (100 % = one core; the box has "
							+ Runtime.getRuntime().availableProcessors() + ")")
					.row("server JVM / load generator / machine", Report.fmt("%.0f %% / %.0f %% / %.0f %%", serverPct,
							loadPct, machinePct))
					.row("server GC (from its -Xlog:gc)", Report.fmt("%.0f pauses, %.0f ms in all, longest %.1f ms",
							serverGc[0], serverGc[1], serverGc[2]))
					.row("load generator GC", gcSummary);
				report.put("sessions", agents.ready().size() + senders.ready().size())
					.put("p50Ms", Report.msValue(p50)).put("p90Ms", Report.msValue(p90)).put("p99Ms", Report.msValue(p99))
					.put("p999Ms", Report.msValue(p999)).put("maxMs", Report.msValue(max))
					.put("sentInWindow", inWindow).put("deliveredInWindow", inWindowDelivered)
					.put("deliveredPerSecond", Math.round(inWindowDelivered / seconds))
					.put("sent", sent).put("receipts", receipted).put("delivered", deliveredOnce).put("lost", lost)
					.put("unreceiptedUndelivered", unreceiptedUndelivered).put("duplicates", duplicates)
					.put("receiptP99Ms", Report.msValue(receiptLatency.getValueAtPercentile(99)))
					.put("errors", errors).put("sessionsClosed", dropped)
					.put("serverCpuPct", Math.round(serverPct)).put("loadGeneratorCpuPct", Math.round(loadPct))
					.put("machineCpuPct", Math.round(machinePct)).put("serverGcMaxPauseMs", serverGc[2]);
				report.put("targetP99Ms", 50).put("targetMet", p99 <= 50_000 && lost == 0 && duplicates == 0
						&& unreceiptedUndelivered == 0 && errors.isEmpty() && latency.getTotalCount() > 0
						&& inWindowDelivered >= inWindow * 0.999 && inWindow / seconds >= rate * 0.95);
				if (server != null) {
					FanoutScenario.logReport(report, server);
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

	/** Per-message state, indexed by the message number n (clientMessageId {@code m<n>}, receipt {@code r<n>}). */
	static final class Tracker {

		final AtomicLongArray sentAt;

		final AtomicIntegerArray deliveries;

		final AtomicIntegerArray receipted;

		final Recorder sendLatency = new Recorder(1, Latency.HIGHEST_MICROS, 3);

		final Recorder receiptLatency = new Recorder(1, Latency.HIGHEST_MICROS, 3);

		final Recorder progress = new Recorder(1, Latency.HIGHEST_MICROS, 3);

		final LongAdder delivered = new LongAdder();

		final LongAdder receipts = new LongAdder();

		final LongAdder errorCount = new LongAdder();

		final Map<String, Long> errors = new ConcurrentHashMap<>();

		volatile long windowFrom = Long.MAX_VALUE;

		volatile long windowTo = Long.MAX_VALUE;

		Tracker(int capacity) {
			sentAt = new AtomicLongArray(capacity);
			deliveries = new AtomicIntegerArray(capacity);
			receipted = new AtomicIntegerArray(capacity);
		}

		private void error(byte[] b, int from, int to) {
			errorCount.increment();
			String message = Frames.header(b, from, to, "message");
			errors.merge(String.valueOf(message), 1L, Long::sum);
		}

		StompConnection.Listener agent(CountDownLatch subscribed) {
			return (connection, command, b, from, to, nanos) -> {
				if (command == Frames.RECEIPT) {
					subscribed.countDown();
				}
				else if (command == Frames.ERROR) {
					error(b, from, to);
				}
				else if (command == Frames.MESSAGE) {
					int body = Frames.bodyStart(b, from, to);
					if (Frames.indexOf(b, body, to, CREATED) < 0) {
						return; // presence and the like
					}
					int key = Frames.indexOf(b, body, to, CLIENT_ID_KEY);
					if (key < 0) {
						return;
					}
					int n = number(b, key + CLIENT_ID_KEY.length, to);
					if (n < 0 || n >= deliveries.length()) {
						return;
					}
					if (deliveries.getAndIncrement(n) == 0) {
						delivered.increment();
					}
					long at = sentAt.get(n);
					if (at != 0) {
						long micros = Math.max(0, (nanos - at) / 1_000);
						progress.recordValue(Math.min(micros, Latency.HIGHEST_MICROS));
						if (at >= windowFrom && at < windowTo) {
							sendLatency.recordValue(Math.min(micros, Latency.HIGHEST_MICROS));
						}
					}
				}
			};
		}

		StompConnection.Listener sender() {
			return (connection, command, b, from, to, nanos) -> {
				if (command == Frames.RECEIPT) {
					String id = Frames.header(b, from, to, "receipt-id");
					if (id != null && id.startsWith("r")) {
						int n = Integer.parseInt(id.substring(1));
						if (n < receipted.length() && receipted.getAndSet(n, 1) == 0) {
							receipts.increment();
							long at = sentAt.get(n);
							if (at >= windowFrom && at < windowTo) {
								receiptLatency.recordValue(Math.min(Math.max(0, (nanos - at) / 1_000), Latency.HIGHEST_MICROS));
							}
						}
					}
				}
				else if (command == Frames.ERROR) {
					error(b, from, to);
				}
			};
		}

		private static int number(byte[] b, int from, int to) {
			int value = 0;
			int i = from;
			while (i < to && b[i] >= '0' && b[i] <= '9') {
				value = value * 10 + (b[i] - '0');
				i++;
			}
			return i == from ? -1 : value;
		}

	}

}
