package io.lifeline.tickets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.lifeline.system.ApiProblem;

/** Tag rules: trimmed, 1 to {@value #MAX_LENGTH} characters, no control characters, at most {@value #MAX_TAGS}. */
final class Tags {

	static final int MAX_TAGS = 20;

	static final int MAX_LENGTH = 40;

	private Tags() {
	}

	static List<String> normalize(List<String> tags, List<ApiProblem.FieldError> errors) {
		if (tags == null) {
			return List.of();
		}
		if (tags.size() > MAX_TAGS) {
			errors.add(new ApiProblem.FieldError("tags", "at most " + MAX_TAGS + " tags"));
			return List.of();
		}
		Set<String> unique = new LinkedHashSet<>();
		for (int i = 0; i < tags.size(); i++) {
			String tag = tags.get(i) == null ? "" : tags.get(i).strip();
			if (tag.isEmpty() || tag.length() > MAX_LENGTH || tag.chars().anyMatch(Character::isISOControl)) {
				errors.add(new ApiProblem.FieldError("tags[" + i + "]",
						"must be 1 to " + MAX_LENGTH + " characters without control characters"));
			}
			else {
				unique.add(tag);
			}
		}
		return new ArrayList<>(unique);
	}

}
