package io.lifeline.realtime;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a feature appends to the log, in the same transaction as the change it describes.
 *
 * @param type for example {@code ticket.updated}
 * @param ticketId the ticket it concerns, if any
 * @param audience who may see it
 * @param actorId who caused it, if a person did
 * @param at when it happened
 * @param data the payload; serialised to JSON
 */
public record NewEvent(String type, UUID ticketId, Audience audience, UUID actorId, Instant at, Object data) {
}
