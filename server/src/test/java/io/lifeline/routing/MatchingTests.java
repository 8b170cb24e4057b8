package io.lifeline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.lifeline.tickets.Priority;
import org.junit.jupiter.api.Test;

class MatchingTests {

	static final UUID A = new UUID(0, 1);

	static final UUID B = new UUID(0, 2);

	static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

	@Test
	void theBestSkillMatchWinsOverALighterLoad() {
		Candidate expert = agent(A, Set.of("login", "accounts"), 1, 5, 3, 0.5, null);
		Candidate idle = agent(B, Set.of("drawings"), 1, 5, 0, 0.5, null);
		assertThat(choose(ticket(Priority.P3, "login"), expert, idle)).isEqualTo(A);
		assertThat(choose(ticket(Priority.P3, "drawings"), expert, idle)).isEqualTo(B);
	}

	@Test
	void thenTheLowestLoadRelativeToCapacity() {
		Candidate half = agent(A, Set.of(), 1, 10, 5, 0.9, null);
		Candidate third = agent(B, Set.of(), 1, 3, 1, 0.1, null);
		assertThat(choose(ticket(Priority.P3), half, third)).isEqualTo(B);
	}

	@Test
	void thenTheBestRecentResolutionRateThenRoundRobin() {
		assertThat(choose(ticket(Priority.P3), agent(A, Set.of(), 1, 4, 1, 0.4, null),
				agent(B, Set.of(), 1, 4, 1, 0.8, null))).isEqualTo(B);
		assertThat(choose(ticket(Priority.P3), agent(A, Set.of(), 1, 4, 1, 0.5, T),
				agent(B, Set.of(), 1, 4, 1, 0.5, T.minusSeconds(1)))).isEqualTo(B);
		assertThat(choose(ticket(Priority.P3), agent(A, Set.of(), 1, 4, 1, 0.5, T.minusSeconds(1)),
				agent(B, Set.of(), 1, 4, 1, 0.5, T))).isEqualTo(A);
	}

	@Test
	void nobodyFullAndP1OnlyToTierTwo() {
		Candidate full = agent(A, Set.of("login"), 2, 2, 2, 1, null);
		Candidate tier1 = agent(B, Set.of("login"), 1, 5, 0, 1, null);
		assertThat(Matching.choose(ticket(Priority.P3, "login"), List.of(full))).isEmpty();
		assertThat(Matching.choose(ticket(Priority.P1, "login"), List.of(full, tier1))).isEmpty();
		assertThat(choose(ticket(Priority.P1), tier1, agent(A, Set.of(), 2, 5, 4, 0, null))).isEqualTo(A);
		assertThat(choose(ticket(Priority.P2, "login"), full, tier1)).isEqualTo(B);
	}

	@Test
	void theReasonSaysWhy() {
		Candidate expert = agent(A, Set.of("login", "accounts"), 2, 5, 3, 0.5, null);
		var choice = Matching.choose(ticket(Priority.P1, "login", "accounts", "web"), List.of(expert)).orElseThrow();
		assertThat(choice.reason(Priority.P1)).isEqualTo("auto: skills accounts, login; load 3/5; P1 to tier 2");
	}

	private static UUID choose(QueuedTicket ticket, Candidate... candidates) {
		return Matching.choose(ticket, List.of(candidates)).orElseThrow().agent().id();
	}

	private static QueuedTicket ticket(Priority priority, String... wants) {
		return new QueuedTicket(UUID.randomUUID(), priority, T, Set.of(wants));
	}

	private static Candidate agent(UUID id, Set<String> skills, int tier, int capacity, int load, double rate,
			Instant last) {
		return new Candidate(id, skills, tier, capacity, load, rate, last);
	}

}
