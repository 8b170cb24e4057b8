package io.lifeline.tickets;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Streams;
import io.lifeline.realtime.stomp.StompTopic;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * {@code /topic/tickets}: every ticket event, for staff. {@code /topic/tickets.{id}}: one ticket's events, for staff
 * and for the customer whose ticket it is.
 */
@Component
class TicketTopics implements StompTopic {

	static final String ALL = "/topic/tickets";

	private static final Pattern ONE = Pattern.compile(
			"^/topic/tickets\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

	private final TicketRepository tickets;

	TicketTopics(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@Override
	public boolean handles(String destination) {
		return ALL.equals(destination) || ONE.matcher(destination).matches();
	}

	@Override
	public Mono<String> authorize(CurrentUser user, String destination) {
		if (ALL.equals(destination)) {
			return user.isStaff() ? Mono.just(Streams.TICKETS) : Mono.empty();
		}
		Matcher matcher = ONE.matcher(destination);
		if (!matcher.matches()) {
			return Mono.empty();
		}
		UUID ticketId = UUID.fromString(matcher.group(1));
		return tickets.find(ticketId)
			.filter(ticket -> ticket.isVisibleTo(user))
			.map(ticket -> Streams.ticket(ticketId));
	}

}
