package io.lifeline.routing;

import java.util.List;
import java.util.UUID;

/** {@code {agentId, skills, tier, capacity}}: what an agent is good at, their tier (2: experts) and capacity. */
record AgentProfile(UUID agentId, List<String> skills, int tier, int capacity) {

	static final int DEFAULT_TIER = 1;

	static final int DEFAULT_CAPACITY = 5;

}
