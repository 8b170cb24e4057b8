package io.lifeline.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well a document answers a query, from 0 to 1: the query's terms weighted by rarity (inverse document
 * frequency), each counting by where it matched (the title weighs most), divided by what a document matching every
 * term in its title would get. A query word of three or more letters also matches the words it begins (the customer
 * is still typing), at a discount.
 */
final class Relevance {

	static final double TITLE = 1.0;

	static final double BODY = 0.7;

	static final double PREFIX = 0.8;

	static final int MIN_PREFIX = 3;

	private final List<String> query;

	private final Map<String, Long> documentFrequency;

	private final long documents;

	/**
	 * @param query the query's terms
	 * @param documentFrequency how many documents hold each query term (exactly or by prefix)
	 * @param documents how many documents there are
	 */
	Relevance(List<String> query, Map<String, Long> documentFrequency, long documents) {
		this.query = query;
		this.documentFrequency = documentFrequency;
		this.documents = Math.max(1, documents);
	}

	double score(Set<String> title, Set<String> body) {
		double total = 0;
		double got = 0;
		for (String term : query) {
			double idf = idf(term);
			total += idf * TITLE;
			got += idf * Math.max(weight(term, title, TITLE), weight(term, body, BODY));
		}
		return total == 0 ? 0 : got / total;
	}

	private double idf(String term) {
		long df = documentFrequency.getOrDefault(term, 0L);
		return Math.log(1 + (double) documents / Math.max(1, df));
	}

	private static double weight(String term, Collection<String> field, double weight) {
		if (field.contains(term)) {
			return weight;
		}
		if (Terms.isWord(term) && term.length() >= MIN_PREFIX) {
			for (String candidate : field) {
				if (candidate.startsWith(term)) {
					return weight * PREFIX;
				}
			}
		}
		return 0;
	}

	/** The query terms the SQL should look for by prefix: Latin words long enough to be typed partly. */
	static List<String> prefixes(List<String> query) {
		return query.stream().filter(t -> Terms.isWord(t) && t.length() >= MIN_PREFIX).toList();
	}

}
