package io.lifeline.identity;

import java.util.UUID;

/** A user as the API shows them: {@code {id, username, displayName, role}}. */
public record User(UUID id, String username, String displayName, Role role) {

}
