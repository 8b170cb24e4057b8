package io.lifeline.knowledge;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.tickets.Party;

/** An article an agent used on a ticket. */
record KbLink(UUID ticketId, UUID articleId, String title, Party linkedBy, Instant linkedAt) {
}
