package io.lifeline.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Self-service: a customer who says a suggested article solved their problem, without opening the ticket, is a
 * deflection. One per customer and article a day counts (pressing the button twice is one deflection). Also the
 * knowledge KPIs: deflections, KB adoption (solved tickets with a linked article) and the open and overdue tasks.
 */
@Component
class Deflections {

	private final DatabaseClient db;

	private final Clock clock;

	Deflections(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** Emits whether this counted as a new deflection. */
	Mono<Boolean> record(CurrentUser user, UUID articleId, String query) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into kb_deflections (id, article_id, customer_id, query, at)
				select :id, a.id, :customer, :query, :at from kb_articles a
				where a.id = :article and a.status = 'PUBLISHED'
				  and not exists (select 1 from kb_deflections d where d.article_id = a.id and d.customer_id = :customer
				                  and d.at > :at - interval '1 day')""")
			.bind("id", UUID.randomUUID())
			.bind("customer", user.id())
			.bind("at", now)
			.bind("article", articleId);
		insert = query == null ? insert.bindNull("query", String.class)
				: insert.bind("query", query.length() > 500 ? query.substring(0, 500) : query);
		return insert.fetch()
			.rowsUpdated()
			.flatMap(rows -> rows > 0 ? Mono.just(true)
					: db.sql("select 1 from kb_articles where id = :a and status = 'PUBLISHED'")
						.bind("a", articleId)
						.map(row -> false)
						.one()
						.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Article " + articleId))));
	}

	/**
	 * {@code {deflections, solvedTickets, solvedWithArticle, adoptionRate, openTasks, overdueTasks}} since
	 * {@code from}.
	 */
	Mono<Map<String, Object>> stats(Instant from) {
		Instant now = clock.instant();
		return db.sql("""
				select (select count(*) from kb_deflections where at >= :from) as deflections,
				       (select count(*) from tickets where solved_at >= :from) as solved,
				       (select count(*) from tickets t where t.solved_at >= :from
				          and exists (select 1 from kb_links l where l.ticket_id = t.id)) as solved_linked,
				       (select count(*) from kb_tasks where done_at is null) as open_tasks,
				       (select count(*) from kb_tasks where done_at is null and due_at < :now) as overdue_tasks""")
			.bind("from", from)
			.bind("now", now)
			.map(row -> {
				long solved = row.get("solved", Long.class);
				long linked = row.get("solved_linked", Long.class);
				Map<String, Object> stats = new LinkedHashMap<>();
				stats.put("from", from);
				stats.put("deflections", row.get("deflections", Long.class));
				stats.put("solvedTickets", solved);
				stats.put("solvedWithArticle", linked);
				stats.put("adoptionRate", solved == 0 ? null : Math.round(1000.0 * linked / solved) / 1000.0);
				stats.put("openTasks", row.get("open_tasks", Long.class));
				stats.put("overdueTasks", row.get("overdue_tasks", Long.class));
				return stats;
			})
			.one();
	}

}
