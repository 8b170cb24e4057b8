package io.lifeline.identity;

import java.util.UUID;

/** Who did something, as events and messages name them: {@code {id, displayName, role}}. */
public record Actor(UUID id, String displayName, Role role) {

	public static Actor of(CurrentUser user) {
		return new Actor(user.id(), user.displayName(), user.role());
	}

}
