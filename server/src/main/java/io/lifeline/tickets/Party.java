package io.lifeline.tickets;

import java.util.UUID;

/** A person as a ticket names them: {@code {id, displayName}}. */
public record Party(UUID id, String displayName) {
}
