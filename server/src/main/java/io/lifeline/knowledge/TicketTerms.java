package io.lifeline.knowledge;

import java.util.UUID;

import io.lifeline.tickets.Ticket;
import io.lifeline.tickets.TicketListener;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code ticket_terms} (the search terms of a ticket's subject and description, for similar tickets) with
 * every ticket opened, in its transaction; at startup fills in tickets opened before this existed.
 */
@Component
class TicketTerms implements TicketListener, ApplicationRunner {

	static final int BACKFILL_BATCH = 500;

	private final DatabaseClient db;

	TicketTerms(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Void> created(Ticket ticket, UUID actorId) {
		return write(ticket.id(), ticket.subject(), ticket.description());
	}

	/** Startup, before traffic: blocking here stalls no event loop. */
	@Override
	public void run(ApplicationArguments args) {
		while (Boolean.TRUE.equals(db.sql("""
				select t.id, t.subject, t.description from tickets t
				where not exists (select 1 from ticket_terms tt where tt.ticket_id = t.id) limit :limit""")
			.bind("limit", BACKFILL_BATCH)
			.map(row -> new Object[] { row.get("id", UUID.class), row.get("subject", String.class),
					row.get("description", String.class) })
			.all()
			.concatMap(row -> write((UUID) row[0], (String) row[1], (String) row[2]).thenReturn(1))
			.count()
			.map(n -> n == BACKFILL_BATCH)
			.block(java.time.Duration.ofMinutes(1)))) {
			// next batch
		}
	}

	private Mono<Void> write(UUID ticketId, String subject, String description) {
		return db.sql("""
				insert into ticket_terms (ticket_id, terms) values (:id, :terms)
				on conflict (ticket_id) do update set terms = excluded.terms""")
			.bind("id", ticketId)
			.bind("terms", Terms.of(subject, description).toArray(String[]::new))
			.then();
	}

}
