package io.lifeline.routing;

import java.util.UUID;

/**
 * A member of staff on the floor: {@code {id, displayName, role, status, connected}}. {@code status} is what they
 * set, except OFFLINE whenever they have no live STOMP session ({@code connected} false).
 */
public record Agent(UUID id, String displayName, String role, AgentStatus status, boolean connected) {
}
