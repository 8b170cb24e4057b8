package io.lifeline.identity;

/**
 * What a user may do. Agents and supervisors work tickets; customers see only their own. {@code WALLBOARD} is not a
 * person: a read-only token a supervisor makes for a screen, good for the wall board and nothing else.
 */
public enum Role {

	AGENT, SUPERVISOR, CUSTOMER, WALLBOARD;

	public boolean isStaff() {
		return this == AGENT || this == SUPERVISOR;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
