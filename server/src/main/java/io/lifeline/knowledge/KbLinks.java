package io.lifeline.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.Actor;
import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.NewEvent;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Party;
import io.lifeline.tickets.TicketService;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Links between tickets and the articles used on them (KB adoption). A new link is a {@code kb.linked} event on
 * the ticket's stream (staff only) and completes the ticket's knowledge task, all in the caller's transaction.
 */
@Component
class KbLinks {

	private final DatabaseClient db;

	private final TicketService tickets;

	private final EventLog events;

	private final Clock clock;

	KbLinks(DatabaseClient db, TicketService tickets, EventLog events, Clock clock) {
		this.db = db;
		this.tickets = tickets;
		this.events = events;
		this.clock = clock;
	}

	/** Links the article to the ticket; emits the link and whether it is new. */
	Mono<Linked> link(CurrentUser user, UUID ticketId, UUID articleId) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return tickets.requireVisible(user, ticketId)
			.then(db.sql("select title from kb_articles where id = :id")
				.bind("id", articleId)
				.map(row -> row.get("title", String.class))
				.one()
				.switchIfEmpty(Mono.error(() -> ApiProblem.badRequest("articleId", "is not an article"))))
			.flatMap(title -> db.sql("""
					insert into kb_links (ticket_id, article_id, linked_by, linked_at) values (:t, :a, :u, :at)
					on conflict do nothing""")
				.bind("t", ticketId)
				.bind("a", articleId)
				.bind("u", user.id())
				.bind("at", now)
				.fetch()
				.rowsUpdated()
				.flatMap(rows -> rows == 0 ? Mono.just(false) : recorded(user, ticketId, articleId, title, now)))
			.flatMap(created -> find(ticketId, articleId).map(link -> new Linked(link, created)));
	}

	Flux<KbLink> ofTicket(UUID ticketId) {
		return db.sql(SELECT + " where l.ticket_id = :t order by l.linked_at").bind("t", ticketId).map(KbLinks::link)
			.all();
	}

	/** The tickets an article was used on, most recent first: {@code {id, number, subject, status, linkedAt}}. */
	Flux<Map<String, Object>> ticketsOf(UUID articleId, int limit) {
		return db.sql("""
				select t.id, t.number, t.subject, t.status, l.linked_at from kb_links l join tickets t on t.id = l.ticket_id
				where l.article_id = :a order by l.linked_at desc limit :limit""")
			.bind("a", articleId)
			.bind("limit", limit)
			.map(row -> {
				Map<String, Object> ticket = new LinkedHashMap<>();
				ticket.put("id", row.get("id", UUID.class));
				ticket.put("number", row.get("number", Long.class));
				ticket.put("subject", row.get("subject", String.class));
				ticket.put("status", row.get("status", String.class));
				ticket.put("linkedAt", row.get("linked_at", Instant.class));
				return ticket;
			})
			.all();
	}

	private Mono<Boolean> recorded(CurrentUser user, UUID ticketId, UUID articleId, String title, Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("articleId", articleId);
		data.put("title", title);
		data.put("actor", Actor.of(user));
		return events.appendTicketEvent(new NewEvent("kb.linked", ticketId, Audience.AGENTS, user.id(), now, data))
			.then(db.sql("""
					update kb_tasks set done_at = :at, article_id = :a where ticket_id = :t and done_at is null""")
				.bind("at", now)
				.bind("a", articleId)
				.bind("t", ticketId)
				.then())
			.thenReturn(true);
	}

	private Mono<KbLink> find(UUID ticketId, UUID articleId) {
		return db.sql(SELECT + " where l.ticket_id = :t and l.article_id = :a")
			.bind("t", ticketId)
			.bind("a", articleId)
			.map(KbLinks::link)
			.one();
	}

	private static final String SELECT = """
			select l.*, a.title, u.display_name from kb_links l
			join kb_articles a on a.id = l.article_id join users u on u.id = l.linked_by""";

	private static KbLink link(Readable row) {
		return new KbLink(row.get("ticket_id", UUID.class), row.get("article_id", UUID.class),
				row.get("title", String.class),
				new Party(row.get("linked_by", UUID.class), row.get("display_name", String.class)),
				row.get("linked_at", Instant.class));
	}

	record Linked(KbLink link, boolean created) {
	}

}
