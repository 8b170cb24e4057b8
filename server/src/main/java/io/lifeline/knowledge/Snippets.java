package io.lifeline.knowledge;

import java.util.List;
import java.util.Locale;

/** A short piece of an article around the first place a query term appears, for a search hit. */
final class Snippets {

	static final int LENGTH = 160;

	private Snippets() {
	}

	static String of(List<String> query, String... fields) {
		for (String field : fields) {
			if (field == null || field.isBlank()) {
				continue;
			}
			String lower = field.toLowerCase(Locale.ROOT);
			int at = -1;
			for (String term : query) {
				int found = lower.indexOf(term);
				if (found >= 0 && (at < 0 || found < at)) {
					at = found;
				}
			}
			if (at >= 0) {
				return around(field, at);
			}
		}
		for (String field : fields) {
			if (field != null && !field.isBlank()) {
				return around(field, 0);
			}
		}
		return "";
	}

	private static String around(String text, int at) {
		String flat = text.replaceAll("\\s+", " ").strip();
		int start = Math.max(0, Math.min(at - LENGTH / 4, flat.length() - LENGTH));
		int end = Math.min(flat.length(), start + LENGTH);
		return (start > 0 ? "…" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "…" : "");
	}

}
