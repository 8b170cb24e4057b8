package io.lifeline.satisfaction;

import java.util.ArrayList;
import java.util.List;

import io.lifeline.system.ApiProblem;

/** The body of {@code POST /api/tickets/{id}/survey}: {@code {csat: 1..5, nps?: 0..10, comment?}}. */
record SurveyAnswer(Integer csat, Integer nps, String comment) {

	static final int MAX_COMMENT = 4000;

	SurveyAnswer validated() {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (csat == null || csat < 1 || csat > 5) {
			errors.add(new ApiProblem.FieldError("csat", "must be a whole number from 1 to 5"));
		}
		if (nps != null && (nps < 0 || nps > 10)) {
			errors.add(new ApiProblem.FieldError("nps", "must be a whole number from 0 to 10"));
		}
		if (comment != null && comment.length() > MAX_COMMENT) {
			errors.add(new ApiProblem.FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest("The survey answer is not valid", errors);
		}
		String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
		return new SurveyAnswer(csat, nps, trimmed);
	}

}
