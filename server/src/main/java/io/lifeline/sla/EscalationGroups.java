package io.lifeline.sla;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code escalation_groups} table: named sets of staff the engine alerts ({@code on-call}) or reassigns to. */
@Repository
class EscalationGroups {

	static final String ON_CALL = "on-call";

	private final DatabaseClient db;

	EscalationGroups(DatabaseClient db) {
		this.db = db;
	}

	Mono<List<UUID>> members(String name) {
		return db.sql("select member_ids from escalation_groups where name = :name")
			.bind("name", name)
			.map(row -> Arrays.asList(row.get("member_ids", UUID[].class)))
			.one()
			.defaultIfEmpty(List.of());
	}

	Flux<Group> findAll() {
		return db.sql("""
				select g.name, u.id, u.display_name
				from escalation_groups g
				left join lateral unnest(g.member_ids) with ordinality as m(id, n) on true
				left join users u on u.id = m.id
				order by g.name, m.n""")
			.map(row -> new Member(row.get("name", String.class), row.get("id", UUID.class),
					row.get("display_name", String.class)))
			.all()
			.groupBy(Member::group, Integer.MAX_VALUE)
			.concatMap(group -> group.filter(m -> m.id() != null)
				.map(m -> new Group.Person(m.id(), m.displayName()))
				.collectList()
				.map(people -> new Group(group.key(), people)))
			.sort(java.util.Comparator.comparing(Group::name));
	}

	/** How many of these ids are agents or supervisors. */
	Mono<Long> countStaff(List<UUID> ids) {
		return db.sql("select count(*) as n from users where id = any(:ids) and role in ('AGENT', 'SUPERVISOR')")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(row -> row.get("n", Long.class))
			.one();
	}

	Mono<Void> save(String name, List<UUID> memberIds) {
		return db.sql("""
				insert into escalation_groups (name, member_ids) values (:name, :members)
				on conflict (name) do update set member_ids = excluded.member_ids""")
			.bind("name", name)
			.bind("members", memberIds.toArray(UUID[]::new))
			.then();
	}

	/** A group as the API shows it: {@code {name, members:[{id, displayName}]}}. */
	record Group(String name, List<Person> members) {

		record Person(UUID id, String displayName) {
		}

	}

	private record Member(String group, UUID id, String displayName) {
	}

}
