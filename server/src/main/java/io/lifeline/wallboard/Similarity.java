package io.lifeline.wallboard;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When two tickets of one customer are "similar", for the repeat-ticket rate: they share a tag (the module or fault
 * they were filed under), or their subjects share at least half of the shorter subject's significant words, and at
 * least two unless that subject has only one. Words
 * are lower-cased runs of letters and digits of three or more characters, minus common English filler; a run of CJK
 * characters, which has no spaces, counts by its two-character pieces.
 */
final class Similarity {

	private static final Set<String> FILLER = Set.of("the", "and", "for", "with", "not", "can", "cannot", "does",
			"doesn", "don", "after", "from", "when", "this", "that", "our", "you", "your", "are", "was", "has", "have",
			"again", "still", "please", "help", "issue", "problem");

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

	static Set<String> words(String text) {
		Set<String> words = new HashSet<>();
		if (text == null) {
			return words;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		int i = 0;
		while (i < lower.length()) {
			int cp = lower.codePointAt(i);
			int start = i;
			if (cjk(cp)) {
				while (i < lower.length() && cjk(lower.codePointAt(i))) {
					i += Character.charCount(lower.codePointAt(i));
				}
				String run = lower.substring(start, i);
				int[] points = run.codePoints().toArray();
				if (points.length == 1) {
					words.add(run);
				}
				for (int k = 0; k + 1 < points.length; k++) {
					words.add(new String(points, k, 2));
				}
			}
			else if (Character.isLetterOrDigit(cp)) {
				while (i < lower.length() && Character.isLetterOrDigit(lower.codePointAt(i))
						&& !cjk(lower.codePointAt(i))) {
					i += Character.charCount(lower.codePointAt(i));
				}
				String word = lower.substring(start, i);
				if (word.length() >= 3 && !FILLER.contains(word)) {
					words.add(word);
				}
			}
			else {
				i += Character.charCount(cp);
			}
		}
		return words;
	}

	private static boolean cjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
