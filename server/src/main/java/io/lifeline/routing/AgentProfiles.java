package io.lifeline.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lifeline.identity.Role;
import io.lifeline.identity.UserRepository;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The {@code agent_profiles} table: skills, tier and capacity per agent (defaults for an agent without a row). */
@Component
class AgentProfiles {

	static final int MAX_SKILLS = 50;

	static final int MAX_SKILL = 60;

	static final int MAX_CAPACITY = 200;

	private final DatabaseClient db;

	private final UserRepository users;

	private final Dispatcher dispatcher;

	private final Clock clock;

	AgentProfiles(DatabaseClient db, UserRepository users, Dispatcher dispatcher, Clock clock) {
		this.db = db;
		this.users = users;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	Mono<Map<UUID, AgentProfile>> all() {
		return db.sql("select * from agent_profiles")
			.map(row -> new AgentProfile(row.get("user_id", UUID.class), List.of(row.get("skills", String[].class)),
					row.get("tier", Integer.class), row.get("capacity", Integer.class)))
			.all()
			.collectMap(AgentProfile::agentId);
	}

	/** Open tickets per agent. */
	Mono<Map<UUID, Long>> loads() {
		return db.sql("""
				select assignee_id, count(*) as n from tickets
				where assignee_id is not null and status not in ('SOLVED', 'CLOSED') group by assignee_id""")
			.map(row -> Map.entry(row.get("assignee_id", UUID.class), row.get("n", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<AgentProfile> put(UUID agentId, ProfileBody body) {
		AgentProfile profile = validated(agentId, body);
		return users.findById(agentId)
			.filter(user -> user.role() == Role.AGENT)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Agent " + agentId)))
			.then(db.sql("""
					insert into agent_profiles (user_id, skills, tier, capacity, updated_at)
					values (:id, :skills, :tier, :capacity, :at)
					on conflict (user_id) do update set skills = excluded.skills, tier = excluded.tier,
					    capacity = excluded.capacity, updated_at = excluded.updated_at""")
				.bind("id", agentId)
				.bind("skills", profile.skills().toArray(String[]::new))
				.bind("tier", profile.tier())
				.bind("capacity", profile.capacity())
				.bind("at", clock.instant())
				.then())
			.doOnSuccess(done -> dispatcher.request())
			.thenReturn(profile);
	}

	private static AgentProfile validated(UUID agentId, ProfileBody body) {
		if (body == null) {
			throw ApiProblem.badRequest("body", "{skills, tier, capacity} is required");
		}
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		Set<String> skills = new LinkedHashSet<>();
		List<String> given = body.skills() == null ? List.of() : body.skills();
		if (given.size() > MAX_SKILLS) {
			errors.add(new ApiProblem.FieldError("skills", "at most " + MAX_SKILLS));
		}
		for (String skill : given) {
			if (skill == null || skill.isBlank() || skill.strip().length() > MAX_SKILL) {
				errors.add(new ApiProblem.FieldError("skills", "each 1 to " + MAX_SKILL + " characters"));
				break;
			}
			skills.add(Dispatcher.skill(skill));
		}
		int tier = body.tier() == null ? AgentProfile.DEFAULT_TIER : body.tier();
		if (tier != 1 && tier != 2) {
			errors.add(new ApiProblem.FieldError("tier", "must be 1 or 2"));
		}
		int capacity = body.capacity() == null ? AgentProfile.DEFAULT_CAPACITY : body.capacity();
		if (capacity < 0 || capacity > MAX_CAPACITY) {
			errors.add(new ApiProblem.FieldError("capacity", "must be 0 to " + MAX_CAPACITY));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest("The profile is not valid", errors);
		}
		return new AgentProfile(agentId, List.copyOf(skills), tier, capacity);
	}

	record ProfileBody(List<String> skills, Integer tier, Integer capacity) {
	}

}
