package io.lifeline.signaling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two sides of a session: the customer shares, the agent watches (and points or co-browses if allowed). */
public enum ParticipantRole {

	CUSTOMER("customer"), AGENT("agent");

	private final String wire;

	ParticipantRole(String wire) {
		this.wire = wire;
	}

	@JsonValue
	public String wire() {
		return wire;
	}

	public ParticipantRole other() {
		return this == CUSTOMER ? AGENT : CUSTOMER;
	}

	@JsonCreator
	public static ParticipantRole of(String wire) {
		for (ParticipantRole role : values()) {
			if (role.wire.equals(wire)) {
				return role;
			}
		}
		throw new IllegalArgumentException("'" + wire + "' is not customer or agent");
	}

}
