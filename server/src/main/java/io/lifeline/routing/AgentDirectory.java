package io.lifeline.routing;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.Role;
import io.lifeline.identity.User;
import io.lifeline.identity.UserRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The agents and their status: what each set ({@code agent_status}, AVAILABLE until they say otherwise) combined
 * with presence (no live session on this node: OFFLINE). Presence is per node; with several nodes an agent connected
 * elsewhere shows OFFLINE here (a shared presence store is the next step).
 */
@Component
public class AgentDirectory {

	private final DatabaseClient db;

	private final UserRepository users;

	private final AgentPresence presence;

	private final Clock clock;

	private final Sinks.Many<UUID> statusChanges = Sinks.many().multicast().directBestEffort();

	AgentDirectory(DatabaseClient db, UserRepository users, AgentPresence presence, Clock clock) {
		this.db = db;
		this.users = users;
		this.presence = presence;
		this.clock = clock;
	}

	/** Every agent, by display name. */
	public Flux<Agent> agents() {
		return statuses().flatMapMany(statuses -> users.findByRole(Role.AGENT)
			.map(user -> agent(user, statuses.get(user.id())))
			.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName())));
	}

	/** Tells which agent's status or presence changed, on this node. */
	public Flux<UUID> changes() {
		return Flux.merge(presence.changes(), statusChanges.asFlux());
	}

	Mono<Agent> set(UUID userId, AgentStatus status) {
		return db.sql("""
				insert into agent_status (user_id, status, changed_at) values (:user, :status, :at)
				on conflict (user_id) do update set status = excluded.status, changed_at = excluded.changed_at""")
			.bind("user", userId)
			.bind("status", status.name())
			.bind("at", clock.instant())
			.then()
			.then(users.findById(userId))
			.map(user -> agent(user, status))
			.doOnSuccess(agent -> statusChanges.tryEmitNext(userId));
	}

	private Agent agent(User user, AgentStatus chosen) {
		boolean connected = presence.connected(user.id());
		AgentStatus status = !connected ? AgentStatus.OFFLINE : chosen == null ? AgentStatus.AVAILABLE : chosen;
		return new Agent(user.id(), user.displayName(), user.role().name(), status, connected);
	}

	private Mono<Map<UUID, AgentStatus>> statuses() {
		return db.sql("select user_id, status from agent_status")
			.map(row -> Map.entry(row.get("user_id", UUID.class), AgentStatus.valueOf(row.get("status", String.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
