package io.lifeline.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lifeline.system.DatabaseProperties;
import io.lifeline.system.DemoProperties;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The contract's demo users, all with password {@code demo}; loaded only in demo mode, and only once. */
@Component
@Order(DemoUsers.ORDER)
public class DemoUsers implements ApplicationRunner {

	public static final int ORDER = 100;

	public static final String PASSWORD = "demo";

	public static final User ALICE = user("alice", "Alice Chen", Role.AGENT);

	public static final User BOB = user("bob", "Bob Martin", Role.AGENT);

	public static final User SAM = user("sam", "Sam Rivera", Role.SUPERVISOR);

	public static final User CAROL = user("carol", "Carol Lee (Northwind Builders)", Role.CUSTOMER);

	public static final User DAVE = user("dave", "Dave Wu (Harbor Civil)", Role.CUSTOMER);

	static final List<User> ALL = List.of(ALICE, BOB, SAM, CAROL, DAVE);

	private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(1);

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final boolean enabled;

	DemoUsers(UserRepository users, PasswordEncoder passwords, Clock clock, DemoProperties demo,
			DatabaseProperties database) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
		this.enabled = demo.enabledFor(database);
	}

	/** Startup, on the main thread, before the server takes traffic: blocking here stalls no event loop. */
	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		String hash = passwords.encode(PASSWORD);
		Flux.fromIterable(ALL)
			.concatMap(user -> users.insertIfAbsent(user, hash, clock.instant()))
			.then()
			.block(LOAD_TIMEOUT);
	}

	public static CurrentUser asCurrentUser(User user) {
		return new CurrentUser(user.id(), user.username(), user.displayName(), user.role());
	}

	private static User user(String username, String displayName, Role role) {
		UUID id = UUID.nameUUIDFromBytes(("lifeline-demo:" + username).getBytes(StandardCharsets.UTF_8));
		return new User(id, username, displayName, role);
	}

}
