package io.lifeline.routing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.lifeline.tickets.Priority;

/** An open ticket nobody holds, with the skills it wants (its module, fault type and tags, lower-cased). */
record QueuedTicket(UUID id, Priority priority, Instant createdAt, Set<String> wants) {
}
