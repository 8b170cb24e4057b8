package io.lifeline.tickets;

import java.util.List;

/**
 * One page of the ticket list: {@code {items, nextCursor, headSeq}}; {@code nextCursor} is null on the last page.
 * {@code headSeq} (staff only) is the {@code tickets} stream's seq read just before the page: subscribing to
 * {@code /topic/tickets} with {@code resume-after:headSeq} misses nothing that happened since.
 */
record TicketPage(List<Ticket> items, String nextCursor, Long headSeq) {
}
