package io.lifeline.tickets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.lifeline.system.ApiProblem;

/** The opaque {@code cursor} of the ticket list: where the next page starts (tickets numbered below it). */
final class TicketCursor {

	private static final String PREFIX = "n:";

	private TicketCursor() {
	}

	static String after(long number) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + number).getBytes(StandardCharsets.UTF_8));
	}

	static Long parse(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX)) {
				return Long.parseLong(decoded.substring(PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw ApiProblem.badRequest("cursor", "is not a cursor this server handed out");
	}

}
