package io.lifeline.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.lifeline.system.ApiProblem;

/**
 * The opaque {@code cursor} of the ticket list: where the next page starts. By number: tickets numbered below it.
 * By time to breach: tickets due later, or due at the same time and numbered below, then those with no running clock.
 */
final class TicketCursor {

	private static final String BY_NUMBER = "n:";

	private static final String BY_DUE = "d:";

	private static final String NOT_DUE = "-";

	private TicketCursor() {
	}

	static String after(long number) {
		return encode(BY_NUMBER + number);
	}

	static String afterDue(Instant due, long number) {
		return encode(BY_DUE + (due == null ? NOT_DUE : Long.toString(due.toEpochMilli())) + ":" + number);
	}

	/** The position a cursor stands for, or null for the first page. */
	static Position parse(String cursor, boolean byDue) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!byDue && decoded.startsWith(BY_NUMBER)) {
				return new Position(null, Long.parseLong(decoded.substring(BY_NUMBER.length())));
			}
			if (byDue && decoded.startsWith(BY_DUE)) {
				String[] parts = decoded.substring(BY_DUE.length()).split(":");
				Instant due = parts[0].equals(NOT_DUE) ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
				return new Position(due, Long.parseLong(parts[1]));
			}
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			// reported below
		}
		throw ApiProblem.badRequest("cursor", "is not a cursor this server handed out for this sort");
	}

	private static String encode(String position) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	/** The last ticket of the previous page: its soonest due time (by time to breach) and number. */
	record Position(Instant due, long number) {
	}

}
