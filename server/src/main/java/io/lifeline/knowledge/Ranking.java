package io.lifeline.knowledge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks candidate documents (every document sharing a term with the query, exactly or by prefix) for a query. The
 * rarity of each query term is counted over the candidates, which hold every document that has it.
 */
final class Ranking {

	private Ranking() {
	}

	/**
	 * @param documents how many documents the collection holds in all
	 * @param title a candidate's title terms
	 * @param body a candidate's other terms
	 */
	static <T> List<Scored<T>> rank(List<String> query, List<T> candidates, long documents,
			Function<T, List<String>> title, Function<T, List<String>> body, double minimum) {
		Map<String, Long> frequency = new HashMap<>();
		List<Fields<T>> fields = candidates.stream()
			.map(c -> new Fields<>(c, new HashSet<>(title.apply(c)), new HashSet<>(body.apply(c))))
			.toList();
		for (String term : query) {
			long df = fields.stream().filter(f -> f.holds(term)).count();
			frequency.put(term, df);
		}
		Relevance relevance = new Relevance(query, frequency, documents);
		return fields.stream()
			.map(f -> new Scored<>(f.item(), relevance.score(f.title(), f.body())))
			.filter(s -> s.score() >= minimum)
			.sorted(Comparator.comparingDouble(Scored<T>::score).reversed())
			.toList();
	}

	record Scored<T>(T item, double score) {
	}

	private record Fields<T>(T item, Set<String> title, Set<String> body) {

		boolean holds(String term) {
			if (title.contains(term) || body.contains(term)) {
				return true;
			}
			if (!Terms.isWord(term) || term.length() < Relevance.MIN_PREFIX) {
				return false;
			}
			return title.stream().anyMatch(t -> t.startsWith(term)) || body.stream().anyMatch(t -> t.startsWith(term));
		}

	}

}
