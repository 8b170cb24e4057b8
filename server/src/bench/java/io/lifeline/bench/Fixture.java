package io.lifeline.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo users, each logged in once over REST (the tokens are reused by every connection), and the tickets the
 * driver changes: opened by alice for carol.
 */
record Fixture(Rest rest, Rest.Login alice, List<Rest.Login> staff, Rest.Login carol) {

	static final String PASSWORD = "demo";

	static Fixture login(String baseUrl) throws IOException, InterruptedException {
		Rest rest = new Rest(baseUrl);
		Rest.Login alice = rest.login("alice", PASSWORD);
		Rest.Login bob = rest.login("bob", PASSWORD);
		Rest.Login sam = rest.login("sam", PASSWORD);
		Rest.Login carol = rest.login("carol", PASSWORD);
		return new Fixture(rest, alice, List.of(alice, bob, sam), carol);
	}

	/** The token of the n-th connection: agents and the supervisor in turn. */
	String staffToken(int n) {
		return staff.get(n % staff.size()).token();
	}

	/** Opens {@code count} tickets; returns {id, version} of each. */
	List<String[]> openTickets(int count) throws IOException, InterruptedException {
		List<String[]> tickets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			tickets.add(rest.createTicket(alice.token(), carol.userId(), "Benchmark ticket " + (i + 1)));
		}
		return tickets;
	}

}
