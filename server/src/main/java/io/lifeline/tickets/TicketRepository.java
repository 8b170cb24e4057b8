package io.lifeline.tickets;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.lifeline.sla.SlaPolicy;
import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	private final DatabaseClient db;

	TicketRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<TicketRecord> find(UUID id) {
		return db.sql(SELECT + " where t.id = :id").bind("id", id).map(TicketRepository::record).one();
	}

	/** Reads the ticket and locks its row until the transaction ends: concurrent writers queue here. */
	Mono<TicketRecord> lock(UUID id) {
		return db.sql(SELECT + " where t.id = :id for update of t").bind("id", id).map(TicketRepository::record).one();
	}

	Mono<Void> insert(UUID id, String subject, String description, Priority priority, UUID customerId,
			List<String> tags, Instant at, SlaPolicy policy) {
		return db.sql("""
				insert into tickets (id, subject, description, status, priority, customer_id, tags, created_at,
				                     updated_at, version, first_response_due_at, resolution_due_at, sla_warn_before)
				values (:id, :subject, :description, 'NEW', :priority, :customerId, :tags, :at, :at, 1,
				        :firstResponseDue, :resolutionDue, :warnBefore)""")
			.bind("id", id)
			.bind("subject", subject)
			.bind("description", description)
			.bind("priority", priority.name())
			.bind("customerId", customerId)
			.bind("tags", tags.toArray(String[]::new))
			.bind("at", at)
			.bind("firstResponseDue", at.plus(policy.firstResponse()))
			.bind("resolutionDue", at.plus(policy.resolution()))
			.bind("warnBefore", Interval.of(policy.warnBefore()))
			.then();
	}

	Mono<UUID> customerOf(UUID id) {
		return db.sql("select customer_id from tickets where id = :id")
			.bind("id", id)
			.map(row -> row.get("customer_id", UUID.class))
			.one();
	}

	/** Sets the first response time unless one is set; emits whether this call set it. */
	Mono<Boolean> markFirstResponse(UUID id, Instant at) {
		return db.sql("update tickets set first_responded_at = :at where id = :id and first_responded_at is null")
			.bind("id", id)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

	/** Writes the changed ticket over version {@code expectedVersion}; emits whether a row changed. */
	Mono<Boolean> update(TicketRecord ticket, long expectedVersion) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update tickets set status = :status, priority = :priority, assignee_id = :assigneeId, tags = :tags,
				       updated_at = :updatedAt, version = :version, solved_at = :solvedAt,
				       first_response_due_at = :firstResponseDue, resolution_due_at = :resolutionDue,
				       sla_warn_before = :warnBefore
				where id = :id and version = :expectedVersion""")
			.bind("id", ticket.id())
			.bind("expectedVersion", expectedVersion)
			.bind("status", ticket.status().name())
			.bind("priority", ticket.priority().name())
			.bind("tags", ticket.tags().toArray(String[]::new))
			.bind("updatedAt", ticket.updatedAt())
			.bind("version", ticket.version())
			.bind("firstResponseDue", ticket.firstResponseDueAt())
			.bind("resolutionDue", ticket.resolutionDueAt())
			.bind("warnBefore", Interval.of(ticket.warnBefore()));
		update = ticket.assigneeId() == null ? update.bindNull("assigneeId", UUID.class)
				: update.bind("assigneeId", ticket.assigneeId());
		update = ticket.solvedAt() == null ? update.bindNull("solvedAt", Instant.class)
				: update.bind("solvedAt", ticket.solvedAt());
		return update.fetch().rowsUpdated().map(rows -> rows == 1);
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
		if (query.beforeNumber() != null) {
			sql.append(" and t.number < :beforeNumber");
		}
		sql.append(" order by t.number desc limit :limit");

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
		if (query.beforeNumber() != null) {
			spec = spec.bind("beforeNumber", query.beforeNumber());
		}
		return spec.map(TicketRepository::record).all();
	}

	private static TicketRecord record(Readable row) {
		Interval warnBefore = row.get("sla_warn_before", Interval.class);
		return new TicketRecord(row.get("id", UUID.class), row.get("number", Long.class),
				row.get("subject", String.class), row.get("description", String.class),
				TicketStatus.valueOf(row.get("status", String.class)),
				Priority.valueOf(row.get("priority", String.class)), row.get("customer_id", UUID.class),
				row.get("customer_name", String.class), row.get("assignee_id", UUID.class),
				row.get("assignee_name", String.class), Arrays.asList(row.get("tags", String[].class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("version", Long.class), row.get("first_responded_at", Instant.class),
				row.get("solved_at", Instant.class), row.get("first_response_due_at", Instant.class),
				row.get("resolution_due_at", Instant.class), warnBefore.getDuration());
	}

}
