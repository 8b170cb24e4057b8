package io.lifeline.satisfaction;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's answer about one ticket: {@code {ticketId, csat, nps, comment, submittedAt, firstSubmittedAt,
 * changeableUntil}}.
 */
record Survey(UUID ticketId, int csat, Integer nps, String comment, Instant submittedAt, Instant firstSubmittedAt,
		Instant changeableUntil) {

	/** Whether the customer may still replace this answer at {@code now}: until seven days after the first one. */
	boolean changeableAt(Instant now) {
		return now.isBefore(changeableUntil);
	}

	/** Below this on either scale a supervisor is told: CSAT 1-2 stars, NPS 0-6 (a detractor). */
	boolean low() {
		return csat <= 2 || (nps != null && nps <= 6);
	}

}
