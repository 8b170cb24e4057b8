package io.lifeline.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The server's memory at one moment, taken from outside the process.
 * <ul>
 * <li>{@code heapLive}: the total of {@code jcmd GC.class_histogram}, which runs a full GC first and then counts
 * only live objects: the heap the sessions really hold, whatever the GC's headroom.</li>
 * <li>{@code heapUsed}: {@code GC.heap_info}'s "used" right after that full GC (region granularity included).</li>
 * <li>{@code direct}: Native Memory Tracking's "Other" category, committed. Every off-heap buffer lands there,
 * whichever way it was allocated: {@code ByteBuffer.allocateDirect} (NIO's own counter) and Netty's
 * {@code Unsafe.allocateMemory} "no cleaner" buffers (which bypass NIO's counter) both go through
 * {@code Unsafe_AllocateMemory0}, which NMT files under Other. Needs {@code -XX:NativeMemoryTracking=summary}.</li>
 * <li>{@code nioDirect}: NIO's {@code BufferPool} "direct" over JMX, to show how much of Other is NIO's.</li>
 * <li>{@code rss}: {@code VmRSS} from {@code /proc/<pid>/status}, the cross-check.</li>
 * </ul>
 */
record MemorySnapshot(String label, int sessions, long heapLive, long heapUsed, long direct, long nioDirect,
		long nmtCommitted, long rss, int openFiles, Map<String, long[]> histogram) {

	private static final Pattern HISTOGRAM_ROW = Pattern
		.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");

	private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private static final Pattern NMT_OTHER = Pattern.compile("-\\s+Other \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

	private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

	/** JMX into the server, opened once (before the baseline, so both snapshots carry its cost). */
	static final class Jmx implements AutoCloseable {

		private final JMXConnector connector;

		private Jmx(JMXConnector connector) {
			this.connector = connector;
		}

		static Jmx attach(long pid) {
			try {
				VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
				String address = vm.startLocalManagementAgent();
				vm.detach();
				return new Jmx(JMXConnectorFactory.connect(new JMXServiceURL(address)));
			}
			catch (Exception ex) {
				Bench.log("  (JMX attach failed, NIO direct not reported: %s)", ex);
				return new Jmx(null);
			}
		}

		long nioDirect() {
			if (connector == null) {
				return -1;
			}
			try {
				MBeanServerConnection server = connector.getMBeanServerConnection();
				return ((Number) server.getAttribute(new ObjectName("java.nio:type=BufferPool,name=direct"),
						"MemoryUsed")).longValue();
			}
			catch (Exception ex) {
				return -1;
			}
		}

		@Override
		public void close() {
			if (connector != null) {
				try {
					connector.close();
				}
				catch (IOException ex) {
					// the server is going anyway
				}
			}
		}

	}

	static MemorySnapshot take(ServerProcess server, Jmx jmx, String label, int sessions)
			throws IOException, InterruptedException {
		String histogramText = server.jcmd("GC.class_histogram");
		Map<String, long[]> histogram = new HashMap<>();
		long heapLive = -1;
		for (String line : histogramText.split("\n")) {
			Matcher row = HISTOGRAM_ROW.matcher(line);
			if (row.matches()) {
				histogram.merge(row.group(3), new long[] { Long.parseLong(row.group(1)), Long.parseLong(row.group(2)) },
						(a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
				continue;
			}
			Matcher total = HISTOGRAM_TOTAL.matcher(line.strip());
			if (total.matches()) {
				heapLive = Long.parseLong(total.group(2));
			}
		}
		long heapUsed = firstKiB(HEAP_USED, server.jcmd("GC.heap_info"), 1) * 1024;
		String nmt = server.jcmd("VM.native_memory", "summary");
		long direct = firstKiB(NMT_OTHER, nmt, 2) * 1024;
		long nmtCommitted = firstKiB(NMT_TOTAL, nmt, 2) * 1024;
		return new MemorySnapshot(label, sessions, heapLive, heapUsed, direct, jmx.nioDirect(), nmtCommitted,
				Proc.rssBytes(server.pid()), Proc.openFiles(server.pid()), histogram);
	}

	/** Classes whose live bytes grew most from {@code before} to this snapshot: {class, Δinstances, Δbytes}. */
	List<Object[]> growth(MemorySnapshot before, int top) {
		List<Object[]> rows = new ArrayList<>();
		histogram.forEach((name, now) -> {
			long[] then = before.histogram.getOrDefault(name, new long[2]);
			rows.add(new Object[] { name, now[0] - then[0], now[1] - then[1] });
		});
		rows.sort((a, b) -> Long.compare((long) b[2], (long) a[2]));
		return rows.subList(0, Math.min(top, rows.size()));
	}

	private static long firstKiB(Pattern pattern, String text, int group) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(group)) : -1;
	}

}
