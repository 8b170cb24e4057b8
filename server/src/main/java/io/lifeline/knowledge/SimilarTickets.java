package io.lifeline.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.tickets.TicketService;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The earlier tickets most like one ticket, by the same bilingual terms as article search: solved ones first (their
 * answer is known), then by relevance.
 */
@Component
class SimilarTickets {

	static final int MAX_CANDIDATES = 500;

	static final double MIN_SCORE = 0.1;

	private final DatabaseClient db;

	private final TicketService tickets;

	SimilarTickets(DatabaseClient db, TicketService tickets) {
		this.db = db;
		this.tickets = tickets;
	}

	Mono<List<SimilarTicket>> of(CurrentUser user, UUID ticketId, int limit) {
		return tickets.requireVisible(user, ticketId)
			.then(db.sql("select subject, description from tickets where id = :id")
				.bind("id", ticketId)
				.map(row -> Terms.of(row.get("subject", String.class), row.get("description", String.class)))
				.one())
			.flatMap(query -> Mono.zip(candidates(ticketId, query),
					db.sql("select count(*) as n from ticket_terms").map(row -> row.get("n", Long.class)).one())
				.map(found -> Ranking.rank(query, found.getT1(), found.getT2(), c -> Terms.of(c.subject()),
						Candidate::terms, MIN_SCORE)
					.stream()
					.map(scored -> scored.item().similar(Math.round(scored.score() * 1000) / 1000.0))
					.sorted(Comparator.comparing(SimilarTicket::solved).reversed()
						.thenComparing(Comparator.comparingDouble(SimilarTicket::score).reversed()))
					.limit(limit)
					.toList()));
	}

	private Mono<List<Candidate>> candidates(UUID ticketId, List<String> query) {
		return db.sql("""
				select t.id, t.number, t.subject, t.status, t.solved_at, tt.terms,
				       (select array_agg(l.article_id) from kb_links l where l.ticket_id = t.id) as articles
				from ticket_terms tt join tickets t on t.id = tt.ticket_id
				where tt.terms && :terms and t.id <> :id
				order by t.number desc limit :limit""")
			.bind("terms", query.toArray(String[]::new))
			.bind("id", ticketId)
			.bind("limit", MAX_CANDIDATES)
			.map(row -> new Candidate(row.get("id", UUID.class), row.get("number", Long.class),
					row.get("subject", String.class), row.get("status", String.class),
					List.of(row.get("terms", String[].class)), articles(row.get("articles", UUID[].class))))
			.all()
			.collectList();
	}

	private static List<UUID> articles(UUID[] ids) {
		return ids == null ? List.of() : List.of(ids);
	}

	private record Candidate(UUID id, long number, String subject, String status, List<String> terms,
			List<UUID> articleIds) {

		SimilarTicket similar(double score) {
			boolean solved = status.equals("SOLVED") || status.equals("CLOSED");
			return new SimilarTicket(id, number, subject, status, solved, score, articleIds);
		}

	}

	/** {@code GET /api/tickets/{id}/similar}: one similar ticket and the articles used on it. */
	record SimilarTicket(UUID id, long number, String subject, String status, boolean solved, double score,
			List<UUID> articleIds) {
	}

}
