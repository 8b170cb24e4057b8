package io.lifeline.routing;

import java.util.List;
import java.util.Locale;

/** One keyword rule: when the text holds any keyword, add the tags and set the module and fault type (if given). */
record TriageRule(List<String> keywords, List<String> tags, String module, String faultType) {

	boolean matches(String lowerText) {
		return keywords.stream().anyMatch(keyword -> lowerText.contains(keyword.toLowerCase(Locale.ROOT)));
	}

}
