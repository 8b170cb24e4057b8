package io.lifeline.assist;

import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.Role;
import io.lifeline.realtime.LoggedEvent;
import io.lifeline.realtime.StreamHub;
import io.lifeline.realtime.StreamSubscriber;
import io.lifeline.realtime.Streams;
import io.lifeline.tickets.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Reads committed ticket changes (the all-tickets stream, gap-filled from the event log) and ends the live sessions
 * of a ticket that was solved, closed or given to another agent. This is the prompt path; joining checks the ticket
 * again itself, so a change this misses still cannot be joined past.
 */
@Component
class AssistTicketWatcher implements StreamSubscriber, SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AssistTicketWatcher.class);

	private final StreamHub hub;

	private final AssistEndings endings;

	AssistTicketWatcher(StreamHub hub, AssistEndings endings) {
		this.hub = hub;
		this.endings = endings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		hub.join(Streams.TICKETS, this, null).subscribe(null,
				ex -> log.error("Could not follow ticket changes; assist sessions end at join checks only", ex));
	}

	@Override
	public boolean staff() {
		return true;
	}

	@Override
	public void deliver(LoggedEvent logged, byte[] body) {
		JsonNode data = logged.event().data();
		if (!"ticket.updated".equals(logged.event().type()) || !ends(data.path("changed"))) {
			return;
		}
		UUID ticketId = logged.event().ticketId();
		try {
			JsonNode ticket = data.path("ticket");
			JsonNode assignee = ticket.path("assignee");
			endings
				.ticketChanged(ticketId, TicketStatus.valueOf(ticket.path("status").asString()),
						assignee.isObject() ? UUID.fromString(assignee.path("id").asString()) : null,
						actor(data.path("actor")), logged.event().at())
				.subscribe(null, ex -> log.warn("Could not end the assist sessions of ticket {}", ticketId, ex));
		}
		catch (RuntimeException ex) {
			// Never break the stream's delivery: joining checks the ticket again anyway.
			log.warn("Unreadable ticket change of ticket {}", ticketId, ex);
		}
	}

	@Override
	public void resyncRequired(String stream, long head) {
		// Joined without resume-after: never asked to resync.
	}

	@Override
	public void destroy() {
		hub.leave(Streams.TICKETS, this);
	}

	private static boolean ends(JsonNode changed) {
		for (JsonNode field : changed) {
			if ("status".equals(field.asString()) || "assignee".equals(field.asString())) {
				return true;
			}
		}
		return false;
	}

	private static Actor actor(JsonNode actor) {
		if (!actor.isObject()) {
			return null;
		}
		return new Actor(UUID.fromString(actor.path("id").asString()), actor.path("displayName").asString(),
				Role.valueOf(actor.path("role").asString()));
	}

}
