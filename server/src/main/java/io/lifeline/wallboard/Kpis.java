package io.lifeline.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The KPI arithmetic over folded tickets. Each figure is counted at its own moment and a ticket falls in a period
 * (and a group) by that moment: first response when the first staff reply was made, resolution, FCR and SLA
 * compliance when it was first solved, CSAT and NPS when the survey was answered, the repeat rate when it was opened.
 * <ul>
 * <li>first response: opening to the first public reply by staff; resolution: opening to first SOLVED/CLOSED;
 * medians in whole seconds (the mean of the middle two for an even count, rounded)</li>
 * <li>FCR: of the tickets solved, those solved with at most one public staff reply and never reopened</li>
 * <li>repeat: of the tickets opened, those whose customer opened a {@link Similarity similar} ticket in the
 * {@link #REPEAT_WINDOW} before</li>
 * <li>SLA compliance: of the tickets solved, those that never breached a clock</li>
 * <li>NPS: % promoters (9-10) minus % detractors (0-6) of the answers that gave one</li>
 * </ul>
 */
final class Kpis {

	static final Duration REPEAT_WINDOW = Duration.ofDays(7);

	private Kpis() {
	}

	/** Which group a ticket's figure at a moment falls in; null to leave it out. */
	interface Grouping {

		String key(TicketFacts ticket, Instant moment);

	}

	static final Grouping ALL = (ticket, moment) -> "all";

	/** Figures per group for moments in {@code [from, to)}, groups in key order. */
	static Map<String, Figures> figures(Collection<TicketFacts> tickets, Map<UUID, List<TicketFacts>> byCustomer,
			Instant from, Instant to, Grouping grouping) {
		Map<String, Acc> groups = new TreeMap<>();
		for (TicketFacts t : tickets) {
			if (t.createdAt == null) {
				continue;
			}
			if (in(t.firstResponseAt, from, to)) {
				acc(groups, grouping, t, t.firstResponseAt).firstResponse
					.add(Duration.between(t.createdAt, t.firstResponseAt).toSeconds());
			}
			if (in(t.resolvedAt, from, to)) {
				Acc acc = acc(groups, grouping, t, t.resolvedAt);
				if (acc != null) {
					acc.resolution.add(Duration.between(t.createdAt, t.resolvedAt).toSeconds());
					acc.resolved++;
					acc.fcr += (t.staffReplies <= 1 && !t.reopened) ? 1 : 0;
					acc.compliant += t.breached ? 0 : 1;
					acc.kbLinked += t.kbLinked ? 1 : 0;
				}
			}
			if (in(t.surveyAt, from, to) && t.csat != null) {
				Acc acc = acc(groups, grouping, t, t.surveyAt);
				if (acc != null) {
					acc.csat.add(t.csat);
					if (t.nps != null) {
						acc.nps.add(t.nps);
					}
				}
			}
			if (in(t.createdAt, from, to)) {
				Acc acc = acc(groups, grouping, t, t.createdAt);
				if (acc != null) {
					acc.opened++;
					acc.repeats += repeat(t, byCustomer.getOrDefault(t.customerId, List.of())) ? 1 : 0;
				}
			}
		}
		Map<String, Figures> out = new TreeMap<>();
		groups.forEach((key, acc) -> out.put(key, acc.figures()));
		return out;
	}

	/** Whether the same customer opened a similar ticket in the seven days before this one. */
	static boolean repeat(TicketFacts ticket, Collection<TicketFacts> sameCustomer) {
		Instant since = ticket.createdAt.minus(REPEAT_WINDOW);
		for (TicketFacts earlier : sameCustomer) {
			if (earlier == ticket || earlier.createdAt == null || !earlier.createdAt.isBefore(ticket.createdAt)
					|| earlier.createdAt.isBefore(since)) {
				continue;
			}
			if (Similarity.similar(ticket.tags, ticket.subject, earlier.tags, earlier.subject)) {
				return true;
			}
		}
		return false;
	}

	/** The median in whole seconds, or null for no values. */
	static Long median(List<Long> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int mid = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return sorted.get(mid);
		}
		return Math.round((sorted.get(mid - 1) + sorted.get(mid)) / 2.0);
	}

	static Double rate(long part, long whole) {
		return whole == 0 ? null : round((double) part / whole, 4);
	}

	static Double round(double value, int places) {
		double scale = Math.pow(10, places);
		return Math.round(value * scale) / scale;
	}

	private static Acc acc(Map<String, Acc> groups, Grouping grouping, TicketFacts t, Instant moment) {
		String key = grouping.key(t, moment);
		return key == null ? new Acc() : groups.computeIfAbsent(key, k -> new Acc());
	}

	private static boolean in(Instant moment, Instant from, Instant to) {
		return moment != null && !moment.isBefore(from) && moment.isBefore(to);
	}

	/**
	 * One group's figures; null where there is nothing to measure.
	 *
	 * @param opened tickets opened
	 * @param resolved tickets solved for the first time
	 * @param surveys answers given
	 */
	record Figures(Long firstResponseMedianSeconds, Long resolutionMedianSeconds, Double csatAverage, Double nps,
			Double fcrRate, Double repeatRate, Double slaCompliance, Double kbAdoptionRate, long opened, long resolved,
			long surveys) {
	}

	private static final class Acc {

		final List<Long> firstResponse = new ArrayList<>();

		final List<Long> resolution = new ArrayList<>();

		final List<Integer> csat = new ArrayList<>();

		final List<Integer> nps = new ArrayList<>();

		long resolved;

		long fcr;

		long compliant;

		long kbLinked;

		long opened;

		long repeats;

		Figures figures() {
			Double csatAverage = csat.isEmpty() ? null
					: round(csat.stream().mapToInt(Integer::intValue).average().orElse(0), 2);
			Double npsScore = null;
			if (!nps.isEmpty()) {
				long promoters = nps.stream().filter(n -> n >= 9).count();
				long detractors = nps.stream().filter(n -> n <= 6).count();
				npsScore = round(100.0 * (promoters - detractors) / nps.size(), 1);
			}
			return new Figures(median(firstResponse), median(resolution), csatAverage, npsScore, rate(fcr, resolved),
					rate(repeats, opened), rate(compliant, resolved), rate(kbLinked, resolved), opened, resolved,
					csat.size());
		}

	}

}
