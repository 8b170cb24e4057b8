package io.lifeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What Linux's {@code /proc} tells about a process: CPU time, resident memory, open files. */
final class Proc {

	/** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ): 100 on every Linux the bench meets. */
	private static final double TICKS = 100.0;

	private Proc() {
	}

	/** User plus system CPU seconds of a process; 0 once it is gone. */
	static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state); utime and stime are fields 14 and 15
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
		}
		catch (NoSuchFileException ex) {
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Resident set size in bytes ({@code VmRSS}). */
	static long rssBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** Open file descriptors (sockets included). */
	static int openFiles(long pid) {
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return (int) fds.count();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The whole machine's busy and total CPU seconds so far, all cores summed ({@code /proc/stat}). */
	static double[] machineCpuSeconds() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new double[] { (total - idle) / TICKS, total / TICKS };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** CPU seconds so far of every process but this one and {@code server}: pid to seconds. */
	static java.util.Map<Long, Double> otherProcessesCpu(long server) {
		long self = ProcessHandle.current().pid();
		java.util.Map<Long, Double> cpu = new java.util.HashMap<>();
		ProcessHandle.allProcesses()
			.filter(p -> p.pid() != self && p.pid() != server)
			.forEach(p -> cpu.put(p.pid(), cpuSeconds(p.pid())));
		return cpu;
	}

	/** The {@code top} process names by CPU between two {@link #otherProcessesCpu} readings (summed by name). */
	static String busiest(java.util.Map<Long, Double> before, java.util.Map<Long, Double> after, double seconds, int top) {
		java.util.Map<String, Double> byName = new java.util.HashMap<>();
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		after.forEach((pid, cpu) -> {
			double used = cpu - before.getOrDefault(pid, 0.0);
			if (used > 0) {
				String name = name(pid);
				byName.merge(name, used / seconds, Double::sum);
				counts.merge(name, 1, Integer::sum);
			}
		});
		java.util.List<String> rows = byName.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 0.02)
			.sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
			.limit(top)
			.map(e -> String.format(java.util.Locale.ROOT, "%s x%d %.0f %%", e.getKey(), counts.get(e.getKey()),
					e.getValue() * 100))
			.toList();
		return rows.isEmpty() ? "none above 2 %" : String.join(", ", rows);
	}

	private static String name(long pid) {
		try {
			String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
			String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
			if (cmdline.contains("plexus-classworlds") || cmdline.contains("maven")) {
				return comm + "[maven]";
			}
			if (cmdline.contains("embedded-pg") || cmdline.contains("PG-")) {
				return comm + "[embedded]";
			}
			return comm;
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** Whether process {@code pid} holds the socket listening on TCP {@code port} ({@code /proc/net/tcp*}). */
	static boolean listensOn(long pid, int port) {
		java.util.Set<String> inodes = new java.util.HashSet<>();
		String hexPort = String.format(java.util.Locale.ROOT, ":%04X", port);
		for (String table : java.util.List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] f = line.strip().split("\\s+");
					if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
						inodes.add("socket:[" + f[9] + "]");
					}
				}
			}
			catch (IOException ex) {
				// no IPv6 table, say
			}
		}
		if (inodes.isEmpty()) {
			return false;
		}
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return fds.anyMatch(fd -> {
				try {
					return inodes.contains(Files.readSymbolicLink(fd).toString());
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException ex) {
			return false;
		}
	}

	static double selfCpuSeconds() {
		return cpuSeconds(ProcessHandle.current().pid());
	}

}
