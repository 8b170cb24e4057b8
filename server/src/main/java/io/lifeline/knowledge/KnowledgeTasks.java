package io.lifeline.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Party;
import io.lifeline.tickets.TicketListener;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge loop: a ticket solved (or closed) without a linked article asks its solver, the member of staff who
 * solved it or else its assignee, for an article within {@code taskDue}. Written in the transaction that solves the
 * ticket; linking an article later completes it.
 */
@Component
class KnowledgeTasks implements TicketListener {

	private final DatabaseClient db;

	private final Clock clock;

	private final KnowledgeProperties properties;

	KnowledgeTasks(DatabaseClient db, Clock clock, KnowledgeProperties properties) {
		this.db = db;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Mono<Void> changed(Change change) {
		if (!change.finished()) {
			return Mono.empty();
		}
		Instant now = change.ticket().updatedAt();
		UUID assignee = change.ticket().assignee() == null ? null : change.ticket().assignee().id();
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into kb_tasks (id, ticket_id, assignee_id, created_at, due_at)
				select :id, :ticket, u.id, :now, :due from users u
				where u.id = coalesce((select id from users where id = :actor and role <> 'CUSTOMER'), :assignee)
				  and not exists (select 1 from kb_links l where l.ticket_id = :ticket)
				on conflict (ticket_id) do nothing""")
			.bind("id", UUID.randomUUID())
			.bind("ticket", change.ticket().id())
			.bind("now", now)
			.bind("due", now.plus(properties.taskDue()));
		insert = change.actorId() == null ? insert.bindNull("actor", UUID.class) : insert.bind("actor", change.actorId());
		insert = assignee == null ? insert.bindNull("assignee", UUID.class) : insert.bind("assignee", assignee);
		return insert.then();
	}

	/** Open and recent tasks: an agent's own, or everyone's for a supervisor (or {@code mine}). */
	Flux<KnowledgeTask> list(CurrentUser user, boolean mine, boolean open) {
		boolean own = mine || !(user.role() == io.lifeline.identity.Role.SUPERVISOR);
		return db.sql("""
				select k.*, t.number, t.subject, u.display_name from kb_tasks k
				join tickets t on t.id = k.ticket_id join users u on u.id = k.assignee_id
				where (not :own or k.assignee_id = :user) and (not :open or k.done_at is null)
				order by k.done_at is not null, k.due_at limit 500""")
			.bind("own", own)
			.bind("user", user.id())
			.bind("open", open)
			.map(this::task)
			.all();
	}

	/** Closes a task without an article (nothing worth writing down); its assignee or a supervisor. */
	Mono<KnowledgeTask> dismiss(CurrentUser user, UUID id) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return db.sql("""
				update kb_tasks set done_at = :now
				where id = :id and done_at is null and (assignee_id = :user or :supervisor)""")
			.bind("now", now)
			.bind("id", id)
			.bind("user", user.id())
			.bind("supervisor", (user.role() == io.lifeline.identity.Role.SUPERVISOR))
			.then()
			.then(db.sql("""
					select k.*, t.number, t.subject, u.display_name from kb_tasks k
					join tickets t on t.id = k.ticket_id join users u on u.id = k.assignee_id
					where k.id = :id and (k.assignee_id = :user or :supervisor)""")
				.bind("id", id)
				.bind("user", user.id())
				.bind("supervisor", (user.role() == io.lifeline.identity.Role.SUPERVISOR))
				.map(this::task)
				.one())
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Task " + id)));
	}

	private KnowledgeTask task(Readable row) {
		Instant due = row.get("due_at", Instant.class);
		Instant done = row.get("done_at", Instant.class);
		return new KnowledgeTask(row.get("id", UUID.class),
				new KnowledgeTask.TicketRef(row.get("ticket_id", UUID.class), row.get("number", Long.class),
						row.get("subject", String.class)),
				new Party(row.get("assignee_id", UUID.class), row.get("display_name", String.class)),
				row.get("created_at", Instant.class), due, done, row.get("article_id", UUID.class),
				done == null && clock.instant().isAfter(due));
	}

}
