package io.lifeline.routing;

import java.time.Duration;
import java.util.List;

import io.lifeline.identity.DemoUsers;
import io.lifeline.system.DatabaseProperties;
import io.lifeline.system.DemoProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Demo routing profiles: alice (tier 1) knows accounts and mobile, bob (tier 2) drawings, scheduling and reports. */
@Component
class DemoProfiles implements ApplicationRunner {

	private final DatabaseClient db;

	private final boolean enabled;

	private final java.time.Clock clock;

	DemoProfiles(DatabaseClient db, DemoProperties demo, DatabaseProperties database, java.time.Clock clock) {
		this.db = db;
		this.enabled = demo.enabledFor(database);
		this.clock = clock;
	}

	/** Startup, before traffic: blocking here stalls no event loop. */
	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		insert(DemoUsers.ALICE.id(), List.of("accounts", "login", "mobile", "crash", "punch-list"), 1);
		insert(DemoUsers.BOB.id(), List.of("drawings", "sync", "scheduling", "export", "reports", "outage"), 2);
	}

	private void insert(java.util.UUID id, List<String> skills, int tier) {
		db.sql("""
				insert into agent_profiles (user_id, skills, tier, capacity, updated_at) values (:id, :skills, :tier, 5, :at)
				on conflict (user_id) do nothing""")
			.bind("id", id)
			.bind("skills", skills.toArray(String[]::new))
			.bind("tier", tier)
			.bind("at", clock.instant())
			.then()
			.block(Duration.ofSeconds(30));
	}

}
