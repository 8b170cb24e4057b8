package io.lifeline.identity;

import java.util.UUID;

/** The authenticated caller, as the token names them; the principal of every authenticated request. */
public record CurrentUser(UUID id, String username, String displayName, Role role) {

	public boolean isStaff() {
		return role.isStaff();
	}

	public boolean isCustomer() {
		return role == Role.CUSTOMER;
	}

}
