package io.lifeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** One scenario's outcome: a table for people and one JSON line (appended to {@code results.jsonl}) for tools. */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String title;

	private final List<String[]> rows = new ArrayList<>();

	private final Map<String, Object> result = new LinkedHashMap<>();

	Report(String scenario, String title) {
		this.title = title;
		result.put("scenario", scenario);
		result.put("at", Instant.now().toString());
	}

	Report row(String label, String value) {
		rows.add(new String[] { label, value });
		return this;
	}

	Report section(String label) {
		rows.add(new String[] { label, null });
		return this;
	}

	Report put(String key, Object value) {
		result.put(key, value);
		return this;
	}

	Object get(String key) {
		return result.get(key);
	}

	Map<String, Object> result() {
		return result;
	}

	String table() {
		int width = rows.stream().filter(row -> row[1] != null && !row[0].isEmpty()).mapToInt(row -> row[0].length())
			.max().orElse(10);
		StringBuilder out = new StringBuilder();
		String rule = "-".repeat(Math.min(110, width + 50));
		out.append(rule).append('\n').append(title).append('\n').append(rule).append('\n');
		for (String[] row : rows) {
			if (row[1] == null) {
				out.append(row[0]).append('\n');
			}
			else if (row[0].isEmpty() && row[1].length() > 60) {
				out.append("  ").append(row[1]).append('\n');
			}
			else {
				out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", row[0], row[1]));
			}
		}
		return out.append(rule).append('\n').toString();
	}

	void print() {
		System.out.print(table());
		System.out.println("RESULT " + JSON.writeValueAsString(result));
		System.out.flush();
	}

	void append(Path out) throws IOException {
		Files.createDirectories(out);
		Files.writeString(out.resolve("results.jsonl"), JSON.writeValueAsString(result) + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Files.writeString(out.resolve("report.txt"), table() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	static String ms(long micros) {
		return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
	}

	static double msValue(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

	static String kib(double bytes) {
		return String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024);
	}

	static String mib(double bytes) {
		return String.format(Locale.ROOT, "%,.1f MiB", bytes / (1024 * 1024));
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String pct(double value) {
		return String.format(Locale.ROOT, "%.0f %%", value);
	}

	static String fmt(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
