package io.lifeline.identity;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {

	private final DatabaseClient db;

	UserRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<StoredUser> findByUsername(String username) {
		return db.sql("select id, username, display_name, role, password_hash from users where username = :username")
			.bind("username", username)
			.map(UserRepository::stored)
			.one();
	}

	public Mono<User> findById(UUID id) {
		return db.sql("select id, username, display_name, role, password_hash from users where id = :id")
			.bind("id", id)
			.map(row -> stored(row).user())
			.one();
	}

	/** Everyone with a role, by id. */
	public Flux<User> findByRole(Role role) {
		return db.sql("select id, username, display_name, role, password_hash from users where role = :role order by id")
			.bind("role", role.name())
			.map(row -> stored(row).user())
			.all();
	}

	/** Inserts the user unless one with that username exists; emits whether it inserted. */
	Mono<Boolean> insertIfAbsent(User user, String passwordHash, Instant at) {
		return db.sql("""
				insert into users (id, username, display_name, role, password_hash, created_at)
				values (:id, :username, :displayName, :role, :passwordHash, :at)
				on conflict (username) do nothing""")
			.bind("id", user.id())
			.bind("username", user.username())
			.bind("displayName", user.displayName())
			.bind("role", user.role().name())
			.bind("passwordHash", passwordHash)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	private static StoredUser stored(Readable row) {
		User user = new User(row.get("id", UUID.class), row.get("username", String.class),
				row.get("display_name", String.class), Role.valueOf(row.get("role", String.class)));
		return new StoredUser(user, row.get("password_hash", String.class));
	}

	record StoredUser(User user, String passwordHash) {
	}

}
