package io.lifeline.routing;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/agents}: an {@link Agent} with their routing profile and how many open tickets they hold:
 * {@code {id, displayName, role, status, connected, skills, tier, capacity, load}}.
 */
record AgentView(UUID id, String displayName, String role, AgentStatus status, boolean connected,
		List<String> skills, int tier, int capacity, long load) {

	static AgentView of(Agent agent, AgentProfile profile, long load) {
		return new AgentView(agent.id(), agent.displayName(), agent.role(), agent.status(), agent.connected(),
				profile == null ? List.of() : profile.skills(),
				profile == null ? AgentProfile.DEFAULT_TIER : profile.tier(),
				profile == null ? AgentProfile.DEFAULT_CAPACITY : profile.capacity(), load);
	}

}
