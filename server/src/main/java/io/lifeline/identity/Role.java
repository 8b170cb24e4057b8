package io.lifeline.identity;

/** What a user may do. Agents and supervisors work tickets; customers see only their own. */
public enum Role {

	AGENT, SUPERVISOR, CUSTOMER;

	public boolean isStaff() {
		return this != CUSTOMER;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
