package io.lifeline.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.lifeline.tickets.Priority;

/**
 * Picks the agent for a ticket: among those not full (and tier 2 for a P1), the best skill match, then the lowest
 * load relative to capacity, then the best recent resolution rate, then whoever got a ticket longest ago (round
 * robin). Nobody fits: the ticket waits.
 */
final class Matching {

	private static final Comparator<Scored> ORDER = Comparator.comparingInt(Scored::skillMatch)
		.reversed()
		.thenComparingDouble(s -> s.candidate().loadRatio())
		.thenComparing(Comparator.comparingDouble((Scored s) -> s.candidate().resolutionRate()).reversed())
		.thenComparing(s -> s.candidate().lastAssignedAt(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
		.thenComparing(s -> s.candidate().id());

	private Matching() {
	}

	static Optional<Choice> choose(QueuedTicket ticket, List<Candidate> candidates) {
		return candidates.stream()
			.filter(c -> !c.full())
			.filter(c -> ticket.priority() != Priority.P1 || c.tier() == 2)
			.map(c -> new Scored(c, matched(ticket.wants(), c.skills())))
			.min(ORDER)
			.map(best -> new Choice(best.candidate(), best.matchedSkills(ticket.wants())));
	}

	private static int matched(Set<String> wants, Set<String> skills) {
		Set<String> common = new HashSet<>(wants);
		common.retainAll(skills);
		return common.size();
	}

	private record Scored(Candidate candidate, int skillMatch) {

		Set<String> matchedSkills(Set<String> wants) {
			Set<String> common = new TreeSet<>(wants);
			common.retainAll(candidate.skills());
			return common;
		}

	}

	/** The agent chosen and the skills they matched, for the assignment's reason. */
	record Choice(Candidate agent, Set<String> skills) {

		String reason(Priority priority) {
			StringBuilder reason = new StringBuilder("auto: ");
			reason.append(skills.isEmpty() ? "no skill match" : "skills " + String.join(", ", skills));
			reason.append("; load ").append(agent.load()).append('/').append(agent.capacity());
			if (priority == Priority.P1) {
				reason.append("; P1 to tier 2");
			}
			return reason.toString();
		}

	}

}
