package io.lifeline.realtime;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A durable event as clients see it: {@code {seq, stream, type, at, ticketId, data}}. */
public record Event(long seq, String stream, String type, Instant at, UUID ticketId, JsonNode data) {
}
