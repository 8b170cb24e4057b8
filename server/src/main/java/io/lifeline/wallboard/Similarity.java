package io.lifeline.wallboard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lifeline.knowledge.Terms;

/**
 * When two tickets of one customer are "similar", for the repeat-ticket rate: they share a tag (the module or fault
 * they were filed under), or their subjects share at least half of the shorter subject's significant words, and at
 * least two unless that subject has only one. Words are the knowledge base's search terms ({@link Terms}: lower-cased,
 * lightly stemmed, CJK runs by their two-character pieces) of three or more characters, minus common filler.
 */
final class Similarity {

	/** Words every support request uses, on top of the search terms' own filler. */
	private static final Set<String> FILLER = Set.of("again", "still", "please", "help", "issue", "problem");

	private Similarity() {
	}

	static boolean similar(List<String> tagsA, String subjectA, List<String> tagsB, String subjectB) {
		for (String tag : tagsA) {
			for (String other : tagsB) {
				if (tag.equalsIgnoreCase(other)) {
					return true;
				}
			}
		}
		Set<String> a = words(subjectA);
		Set<String> b = words(subjectB);
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		int fewer = Math.min(a.size(), b.size());
		return shared.size() * 2 >= fewer && shared.size() >= Math.min(2, fewer);
	}

	/** Significant words: the knowledge base's search terms, minus words too short or too common to tell tickets apart. */
	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		for (String term : Terms.of(text)) {
			if (!Terms.isWord(term) || term.length() >= 3 && !FILLER.contains(term)) {
				words.add(term);
			}
		}
		return words;
	}

}
