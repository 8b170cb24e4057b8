package io.lifeline.routing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An agent who may take a ticket now (available, connected, a profile): their skills, tier, capacity, open tickets
 * and recent resolution rate, and when they last got one automatically (round robin).
 */
record Candidate(UUID id, Set<String> skills, int tier, int capacity, int load, double resolutionRate,
		Instant lastAssignedAt) {

	boolean full() {
		return load >= capacity;
	}

	double loadRatio() {
		return capacity == 0 ? 1 : (double) load / capacity;
	}

	Candidate withOneMore(Instant at) {
		return new Candidate(id, skills, tier, capacity, load + 1, resolutionRate, at);
	}

}
