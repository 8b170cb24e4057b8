package io.lifeline.tickets;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.lifeline.sla.SlaClocks;
import io.lifeline.system.ParseCache;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code tickets} table. */
@Repository
class TicketRepository {

	private static final String SELECT = """
			select t.*, c.display_name as customer_name, a.display_name as assignee_name
			from tickets t
			join users c on c.id = t.customer_id
			left join users a on a.id = t.assignee_id
			""";

	/** Enough tickets' clocks for every open conversation on a busy node, a few MB. */
	static final int PARSED_SLA_CLOCKS = 10_000;

	private final DatabaseClient db;

	private final JsonMapper json;

	private final ParseCache<SlaClocks> slaClocks;

	TicketRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
		this.slaClocks = new ParseCache<>(PARSED_SLA_CLOCKS, text -> json.readValue(text, SlaClocks.class));
	}

	Mono<TicketRecord> find(UUID id) {
		return db.sql(SELECT + " where t.id = :id").bind("id", id).map(this::record).one();
	}

	/** What chat needs of each ticket before it writes messages to it, unlocked. */
	Flux<MessageTarget> messageTargets(Collection<UUID> ids) {
		return db.sql("select id, customer_id, status, sla from tickets where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(row -> new MessageTarget(row.get("id", UUID.class), row.get("customer_id", UUID.class),
					TicketStatus.valueOf(row.get("status", String.class)), slaClocks(row), null))
			.all();
	}

	/**
	 * Reads the ticket and locks its row until the transaction ends: concurrent writers queue here. The lock is the one
	 * an UPDATE takes (no key update), so inserts that only reference the ticket (messages, events) never wait on it.
	 */
	Mono<TicketRecord> lock(UUID id) {
		return db.sql(SELECT + " where t.id = :id for no key update of t").bind("id", id).map(this::record).one();
	}

	Mono<Void> insert(UUID id, String subject, String description, Priority priority, UUID customerId,
			List<String> tags, Instant at, SlaClocks sla, Intake intake) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into tickets (id, subject, description, status, priority, customer_id, tags, created_at,
				                     updated_at, version, sla, sla_next_due_at, intake)
				values (:id, :subject, :description, 'NEW', :priority, :customerId, :tags, :at, :at, 1, :sla, :nextDue,
				        :intake)""")
			.bind("id", id)
			.bind("subject", subject)
			.bind("description", description)
			.bind("priority", priority.name())
			.bind("customerId", customerId)
			.bind("tags", tags.toArray(String[]::new))
			.bind("at", at)
			.bind("sla", Json.of(json.writeValueAsString(sla)))
			.bind("intake", Json.of(json.writeValueAsString(intake)));
		return nullable(insert, "nextDue", sla.nextDueAt().orElse(null)).then();
	}

	Mono<UUID> customerOf(UUID id) {
		return db.sql("select customer_id from tickets where id = :id")
			.bind("id", id)
			.map(row -> row.get("customer_id", UUID.class))
			.one();
	}

	/** Writes the changed ticket over version {@code expectedVersion}; emits whether a row changed. */
	Mono<Boolean> update(TicketRecord ticket, long expectedVersion) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update tickets set status = :status, priority = :priority, assignee_id = :assigneeId, tags = :tags,
				       updated_at = :updatedAt, version = :version, solved_at = :solvedAt,
				       first_responded_at = :firstRespondedAt, sla = :sla, sla_next_due_at = :nextDue
				where id = :id and version = :expectedVersion""")
			.bind("id", ticket.id())
			.bind("expectedVersion", expectedVersion)
			.bind("status", ticket.status().name())
			.bind("priority", ticket.priority().name())
			.bind("tags", ticket.tags().toArray(String[]::new))
			.bind("updatedAt", ticket.updatedAt())
			.bind("version", ticket.version())
			.bind("sla", Json.of(json.writeValueAsString(ticket.sla())));
		update = ticket.assigneeId() == null ? update.bindNull("assigneeId", UUID.class)
				: update.bind("assigneeId", ticket.assigneeId());
		update = nullable(update, "solvedAt", ticket.solvedAt());
		update = nullable(update, "firstRespondedAt", ticket.firstRespondedAt());
		update = nullable(update, "nextDue", ticket.sla().nextDueAt().orElse(null));
		return update.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/** Open tickets of a priority in id order, after {@code afterId}. */
	Flux<UUID> open(Priority priority, UUID afterId, int limit) {
		DatabaseClient.GenericExecuteSpec select = db.sql("""
				select id from tickets where priority = :priority and status not in ('SOLVED', 'CLOSED')
				  and (cast(:afterId as uuid) is null or id > :afterId)
				order by id limit :limit""")
			.bind("priority", priority.name())
			.bind("limit", limit);
		select = afterId == null ? select.bindNull("afterId", UUID.class) : select.bind("afterId", afterId);
		return select.map(row -> row.get("id", UUID.class)).all();
	}

	/** How many open tickets each of these people holds. */
	Flux<java.util.Map.Entry<UUID, Long>> openLoad(Collection<UUID> staff) {
		return db.sql("""
				select assignee_id, count(*) as n from tickets
				where assignee_id = any(:staff) and status not in ('SOLVED', 'CLOSED') group by assignee_id""")
			.bind("staff", staff.toArray(UUID[]::new))
			.map(row -> java.util.Map.entry(row.get("assignee_id", UUID.class), row.get("n", Long.class)))
			.all();
	}

	Flux<TicketRecord> search(TicketQuery query) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where true");
		if (query.customerId() != null) {
			sql.append(" and t.customer_id = :customerId");
		}
		if (!query.statuses().isEmpty()) {
			sql.append(" and t.status = any(:statuses)");
		}
		if (!query.priorities().isEmpty()) {
			sql.append(" and t.priority = any(:priorities)");
		}
		switch (query.assignee()) {
			case TicketQuery.AssigneeFilter.Nobody nobody -> sql.append(" and t.assignee_id is null");
			case TicketQuery.AssigneeFilter.User user -> sql.append(" and t.assignee_id = :assigneeId");
			case TicketQuery.AssigneeFilter.Anyone anyone -> {
			}
		}
		if (query.text() != null) {
			sql.append(" and (strpos(lower(t.subject), lower(:text)) > 0"
					+ " or strpos(lower(t.description), lower(:text)) > 0"
					+ " or t.number::text = ltrim(:text, '#'))");
		}
		if (query.after() != null) {
			sql.append(!query.byDue() ? " and t.number < :afterNumber"
					: query.after().due() == null ? " and t.sla_next_due_at is null and t.number < :afterNumber"
							: " and (t.sla_next_due_at > :afterDue or t.sla_next_due_at is null"
									+ " or (t.sla_next_due_at = :afterDue and t.number < :afterNumber))");
		}
		sql.append(query.byDue() ? " order by t.sla_next_due_at asc nulls last, t.number desc limit :limit"
				: " order by t.number desc limit :limit");

		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", query.limit());
		if (query.customerId() != null) {
			spec = spec.bind("customerId", query.customerId());
		}
		if (!query.statuses().isEmpty()) {
			spec = spec.bind("statuses", query.statuses().stream().map(Enum::name).toArray(String[]::new));
		}
		if (!query.priorities().isEmpty()) {
			spec = spec.bind("priorities", query.priorities().stream().map(Enum::name).toArray(String[]::new));
		}
		if (query.assignee() instanceof TicketQuery.AssigneeFilter.User user) {
			spec = spec.bind("assigneeId", user.id());
		}
		if (query.text() != null) {
			spec = spec.bind("text", query.text());
		}
		if (query.after() != null) {
			spec = spec.bind("afterNumber", query.after().number());
			if (query.byDue() && query.after().due() != null) {
				spec = spec.bind("afterDue", query.after().due());
			}
		}
		return spec.map(this::record).all();
	}

	private TicketRecord record(Readable row) {
		return new TicketRecord(row.get("id", UUID.class), row.get("number", Long.class),
				row.get("subject", String.class), row.get("description", String.class),
				TicketStatus.valueOf(row.get("status", String.class)),
				Priority.valueOf(row.get("priority", String.class)), row.get("customer_id", UUID.class),
				row.get("customer_name", String.class), row.get("assignee_id", UUID.class),
				row.get("assignee_name", String.class), Arrays.asList(row.get("tags", String[].class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("version", Long.class), row.get("first_responded_at", Instant.class),
				row.get("solved_at", Instant.class),
				slaClocks(row), intake(row));
	}

	private SlaClocks slaClocks(Readable row) {
		return slaClocks.parse(row.get("sla", Json.class).asString());
	}

	private Intake intake(Readable row) {
		Json intake = row.get("intake", Json.class);
		return intake == null ? null : json.readValue(intake.asString(), Intake.class);
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			Instant value) {
		return value == null ? spec.bindNull(name, Instant.class) : spec.bind(name, value);
	}

}
