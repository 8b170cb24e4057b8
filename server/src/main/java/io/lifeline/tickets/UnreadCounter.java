package io.lifeline.tickets;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** How many of the customer's messages a member of staff has not read yet, per ticket (chat counts them). */
public interface UnreadCounter {

	Mono<Map<UUID, Long>> unread(UUID userId, Collection<UUID> ticketIds);

}
