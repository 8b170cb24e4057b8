package io.lifeline.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Search terms for English and Chinese alike. Chinese has no spaces between words, so a run of CJK characters
 * counts by its overlapping two-character pieces (a lone character by itself): "登录失败" gives 登录, 录失, 失败,
 * and any text that mentions 登录 shares a term with it. Latin letters and digits form words, lower-cased, minus
 * filler, and lightly stemmed (crashes, crashed, crashing: crash) so a query and an article meet on the stem.
 */
public final class Terms {

	private static final Set<String> FILLER = Set.of("a", "an", "the", "and", "or", "for", "with", "not", "can",
			"cannot", "does", "doesn", "don", "from", "when", "this", "that", "our", "you", "your", "are", "was",
			"has", "have", "had", "is", "it", "its", "in", "on", "of", "to", "at", "by", "be", "as", "my", "we", "i",
			"me", "do", "but", "if", "so", "no", "all", "any", "some", "there", "then", "than", "what", "how", "why",
			"will", "would", "should", "could", "after", "before", "into", "out", "up", "get", "got", "please");

	private Terms() {
	}

	/** The distinct terms of the texts, in order of first appearance. */
	public static List<String> of(String... texts) {
		Set<String> terms = new LinkedHashSet<>();
		for (String text : texts) {
			collect(text, terms);
		}
		return List.copyOf(terms);
	}

	/** Whether a term is a Latin word (prefix matching makes sense for it), not a CJK piece. */
	public static boolean isWord(String term) {
		return !term.isEmpty() && !cjk(term.codePointAt(0));
	}

	private static void collect(String text, Set<String> terms) {
		if (text == null) {
			return;
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
				int[] points = lower.substring(start, i).codePoints().toArray();
				if (points.length == 1) {
					terms.add(new String(points, 0, 1));
				}
				for (int k = 0; k + 1 < points.length; k++) {
					terms.add(new String(points, k, 2));
				}
			}
			else if (Character.isLetterOrDigit(cp)) {
				while (i < lower.length() && Character.isLetterOrDigit(lower.codePointAt(i))
						&& !cjk(lower.codePointAt(i))) {
					i += Character.charCount(lower.codePointAt(i));
				}
				String word = lower.substring(start, i);
				if (!FILLER.contains(word) && (word.length() > 1 || Character.isDigit(cp))) {
					terms.add(stem(word));
				}
			}
			else {
				i += Character.charCount(cp);
			}
		}
	}

	/** A light suffix-stripping stemmer: the same word forms meet, not a linguist's root. */
	static String stem(String word) {
		if (word.length() <= 3 || !Character.isLetter(word.charAt(0))) {
			return word;
		}
		String w = word;
		if (w.endsWith("ies") && w.length() > 4) {
			return w.substring(0, w.length() - 3) + "y";
		}
		if (w.endsWith("sses")) {
			return w.substring(0, w.length() - 2);
		}
		for (String suffix : List.of("ing", "ed")) {
			if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
				String base = w.substring(0, w.length() - suffix.length());
				if (base.length() >= 3 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)
						&& "lsz".indexOf(base.charAt(base.length() - 1)) < 0) {
					base = base.substring(0, base.length() - 1);
				}
				return base;
			}
		}
		if (w.endsWith("es") && w.length() > 4 && "sxz".indexOf(w.charAt(w.length() - 3)) >= 0) {
			return w.substring(0, w.length() - 2);
		}
		if (w.endsWith("ches") || w.endsWith("shes")) {
			return w.substring(0, w.length() - 2);
		}
		if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
			return w.substring(0, w.length() - 1);
		}
		return w;
	}

	static boolean cjk(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
