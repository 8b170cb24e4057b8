package io.lifeline.chat.attachments;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes a client's file name safe to store, show and send back in {@code Content-Disposition}: the last path
 * segment only, no control, formatting (bidirectional overrides, zero-width) or reserved characters, no leading
 * dots, at most {@link #MAX_LENGTH} characters, and an extension that agrees with what the bytes are (a text file
 * called {@code notes.html} is stored as {@code notes.html.txt}, so opening the download never runs it as a page).
 */
final class Filenames {

	static final int MAX_LENGTH = 200;

	static final String FALLBACK = "attachment";

	private static final String RESERVED = "<>:\"|?*";

	private Filenames() {
	}

	static String sanitize(String raw, AttachmentType type) {
		String name = clean(raw == null ? "" : raw);
		if (name.isEmpty()) {
			name = FALLBACK;
		}
		String extension = extension(name);
		if (extension == null || !type.extensions().contains(extension.toLowerCase(Locale.ROOT))) {
			extension = type.extensions().getFirst();
			name = name + "." + extension;
		}
		return truncate(name, extension);
	}

	private static String clean(String raw) {
		String name = raw;
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = Normalizer.normalize(name.substring(slash + 1), Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(name.length());
		boolean space = false;
		for (int i = 0; i < name.length();) {
			int cp = name.codePointAt(i);
			i += Character.charCount(cp);
			if (!allowed(cp)) {
				continue;
			}
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				space = true;
				continue;
			}
			if (space && !out.isEmpty()) {
				out.append(' ');
			}
			space = false;
			out.appendCodePoint(RESERVED.indexOf(cp) >= 0 ? '_' : cp);
		}
		int start = 0;
		while (start < out.length() && out.charAt(start) == '.') {
			start++;
		}
		int end = out.length();
		while (end > start && (out.charAt(end - 1) == '.' || out.charAt(end - 1) == ' ')) {
			end--;
		}
		return out.substring(start, end).strip();
	}

	private static boolean allowed(int cp) {
		return switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
			default -> true;
		};
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
	}

	/** At most {@link #MAX_LENGTH} code points, cutting the base name so the extension survives. */
	private static String truncate(String name, String extension) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		int suffix = extension.codePointCount(0, extension.length()) + 1;
		String base = name.substring(0, name.length() - suffix);
		String cut = base.substring(0, base.offsetByCodePoints(0, MAX_LENGTH - suffix)).strip();
		while (cut.endsWith(".")) {
			cut = cut.substring(0, cut.length() - 1).strip();
		}
		return (cut.isEmpty() ? FALLBACK : cut) + "." + extension;
	}

}
