package io.lifeline.tickets;

import java.util.List;

/** One page of the ticket list: {@code {items, nextCursor}}; {@code nextCursor} is null on the last page. */
record TicketPage(List<Ticket> items, String nextCursor) {
}
