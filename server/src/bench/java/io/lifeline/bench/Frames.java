package io.lifeline.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads the little of a STOMP frame the bench needs straight from bytes: the command, a header when it matters
 * (CONNECTED, RECEIPT, ERROR: rare frames) and, for MESSAGE frames, the body's {@code seq}, {@code stream} and
 * {@code at}, without building a String or a JSON tree per frame.
 */
final class Frames {

	static final int OTHER = 0;

	static final int MESSAGE = 1;

	static final int CONNECTED = 2;

	static final int RECEIPT = 3;

	static final int ERROR = 4;

	static final long ABSENT = Long.MIN_VALUE;

	private static final byte[] MESSAGE_BYTES = ascii("MESSAGE");

	private static final byte[] CONNECTED_BYTES = ascii("CONNECTED");

	private static final byte[] RECEIPT_BYTES = ascii("RECEIPT");

	private static final byte[] ERROR_BYTES = ascii("ERROR");

	private static final byte[] SEQ_KEY = ascii("\"seq\":");

	private static final byte[] STREAM_KEY = ascii("\"stream\":\"");

	private static final byte[] AT_KEY = ascii("\"at\":\"");

	private Frames() {
	}

	/** The frame's command; {@code from} is its first byte (after any heart-beat EOLs). */
	static int command(byte[] b, int from, int to) {
		int end = lineEnd(b, from, to);
		if (matches(b, from, end, MESSAGE_BYTES)) {
			return MESSAGE;
		}
		if (matches(b, from, end, CONNECTED_BYTES)) {
			return CONNECTED;
		}
		if (matches(b, from, end, RECEIPT_BYTES)) {
			return RECEIPT;
		}
		if (matches(b, from, end, ERROR_BYTES)) {
			return ERROR;
		}
		return OTHER;
	}

	/** Index of the first body byte: just past the blank line that ends the headers; {@code to} if none. */
	static int bodyStart(byte[] b, int from, int to) {
		for (int i = from; i < to - 1; i++) {
			if (b[i] == '\n') {
				if (b[i + 1] == '\n') {
					return i + 2;
				}
				if (b[i + 1] == '\r' && i + 2 < to && b[i + 2] == '\n') {
					return i + 3;
				}
			}
		}
		return to;
	}

	/** A header's value (unescaped as STOMP 1.2 says), or null; for the rare frames only. */
	static String header(byte[] b, int from, int to, String name) {
		int bodyStart = bodyStart(b, from, to);
		String head = new String(b, from, bodyStart - from, StandardCharsets.UTF_8);
		for (String line : head.split("\r?\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).equals(name)) {
				return line.substring(colon + 1)
					.replace("\\c", ":")
					.replace("\\n", "\n")
					.replace("\\r", "\r")
					.replace("\\\\", "\\");
			}
		}
		return null;
	}

	/** The whole frame as text (diagnostics). */
	static String text(byte[] b, int from, int to) {
		return new String(b, from, to - from, StandardCharsets.UTF_8);
	}

	/** The first {@code "seq":<digits>} in the body; {@link #ABSENT} when missing or null. */
	static long seq(byte[] b, int from, int to) {
		int at = indexOf(b, from, to, SEQ_KEY);
		if (at < 0) {
			return ABSENT;
		}
		int i = at + SEQ_KEY.length;
		long value = 0;
		int digits = 0;
		while (i < to && b[i] >= '0' && b[i] <= '9') {
			value = value * 10 + (b[i] - '0');
			i++;
			digits++;
		}
		return digits == 0 ? ABSENT : value;
	}

	/** Whether the body's first {@code "stream":"…"} equals {@code stream}. */
	static boolean streamIs(byte[] b, int from, int to, byte[] stream) {
		int at = indexOf(b, from, to, STREAM_KEY);
		if (at < 0) {
			return false;
		}
		int start = at + STREAM_KEY.length;
		int end = start + stream.length;
		return end < to && b[end] == '"' && matches(b, start, end, stream);
	}

	/** The body's first {@code "at":"<ISO-8601 instant>"} in microseconds since the epoch; {@link #ABSENT} if none. */
	static long atMicros(byte[] b, int from, int to) {
		int at = indexOf(b, from, to, AT_KEY);
		if (at < 0) {
			return ABSENT;
		}
		return isoInstantMicros(b, at + AT_KEY.length, to);
	}

	/**
	 * {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z}, the only shape Jackson writes an {@code Instant} in, to microseconds
	 * since the epoch; {@link #ABSENT} for anything else.
	 */
	static long isoInstantMicros(byte[] b, int i, int to) {
		if (i + 20 > to || b[i + 4] != '-' || b[i + 7] != '-' || b[i + 10] != 'T' || b[i + 13] != ':'
				|| b[i + 16] != ':') {
			return ABSENT;
		}
		int year = digits(b, i, 4);
		int month = digits(b, i + 5, 2);
		int day = digits(b, i + 8, 2);
		int hour = digits(b, i + 11, 2);
		int minute = digits(b, i + 14, 2);
		int second = digits(b, i + 17, 2);
		if (year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0) {
			return ABSENT;
		}
		int j = i + 19;
		long micros = 0;
		if (j < to && b[j] == '.') {
			j++;
			long scale = 100_000;
			while (j < to && b[j] >= '0' && b[j] <= '9') {
				micros += (b[j] - '0') * scale;
				scale /= 10;
				j++;
			}
		}
		if (j >= to || b[j] != 'Z') {
			return ABSENT;
		}
		long days = daysFromCivil(year, month, day);
		long seconds = days * 86_400 + hour * 3_600L + minute * 60L + second;
		return seconds * 1_000_000 + micros;
	}

	static int indexOf(byte[] b, int from, int to, byte[] needle) {
		byte first = needle[0];
		int last = to - needle.length;
		outer:
		for (int i = from; i <= last; i++) {
			if (b[i] != first) {
				continue;
			}
			for (int k = 1; k < needle.length; k++) {
				if (b[i + k] != needle[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	static int indexOf(byte[] b, int from, int to, byte value) {
		for (int i = from; i < to; i++) {
			if (b[i] == value) {
				return i;
			}
		}
		return -1;
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
	static long daysFromCivil(long year, int month, int day) {
		year -= month <= 2 ? 1 : 0;
		long era = (year >= 0 ? year : year - 399) / 400;
		long yearOfEra = year - era * 400;
		long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
		long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097 + dayOfEra - 719_468;
	}

	private static int lineEnd(byte[] b, int from, int to) {
		int end = from;
		while (end < to && b[end] != '\n') {
			end++;
		}
		return (end > from && b[end - 1] == '\r') ? end - 1 : end;
	}

	private static boolean matches(byte[] b, int from, int to, byte[] expected) {
		if (to - from != expected.length) {
			return false;
		}
		for (int k = 0; k < expected.length; k++) {
			if (b[from + k] != expected[k]) {
				return false;
			}
		}
		return true;
	}

	private static int digits(byte[] b, int from, int count) {
		int value = 0;
		for (int k = 0; k < count; k++) {
			byte c = b[from + k];
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
