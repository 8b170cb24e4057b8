package io.lifeline.sla;

import com.fasterxml.jackson.annotation.JsonValue;

/** The clocks a ticket's SLA is made of. */
public enum ClockKind {

	/** From opening to the first public reply by staff. */
	FIRST_RESPONSE("firstResponse"),
	/** From a customer's message (once the first response is made) to the next public reply by staff. */
	NEXT_RESPONSE("nextResponse"),
	/** From opening to SOLVED; resumes on reopen. */
	RESOLUTION("resolution"),
	/** P1 only: from opening until someone on the team takes it up (joins the incident, is assigned, replies). */
	ACKNOWLEDGE("acknowledge");

	private final String json;

	ClockKind(String json) {
		this.json = json;
	}

	@JsonValue
	public String json() {
		return json;
	}

	static ClockKind fromJson(String value) {
		for (ClockKind kind : values()) {
			if (kind.json.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("No clock " + value);
	}

}
