package io.lifeline.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lifeline.system.ApiProblem;

/**
 * {@code POST /api/kb/articles} and {@code PUT /api/kb/articles/{id}}: {@code {title, module, faultType, symptoms,
 * cause, solution, status, sourceTicketId?}}. {@code sourceTicketId} links the article to the ticket it was written
 * from, which also completes that ticket's knowledge task.
 */
record ArticleRequest(String title, String module, String faultType, String symptoms, String cause,
		String solution, String status, UUID sourceTicketId) {

	static final int MAX_TITLE = 200;

	static final int MAX_SHORT = 100;

	static final int MAX_TEXT = 20_000;

	/** The request with blanks removed and checked; a 400 with every field error otherwise. */
	Valid validated() {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String cleanTitle = text("title", title, MAX_TITLE, true, errors);
		String cleanModule = text("module", module, MAX_SHORT, false, errors);
		String cleanFault = text("faultType", faultType, MAX_SHORT, false, errors);
		String cleanSymptoms = text("symptoms", symptoms, MAX_TEXT, false, errors);
		String cleanCause = text("cause", cause, MAX_TEXT, false, errors);
		String cleanSolution = text("solution", solution, MAX_TEXT, false, errors);
		ArticleStatus parsed = ArticleStatus.DRAFT;
		if (status != null) {
			try {
				parsed = ArticleStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ApiProblem.FieldError("status", "must be DRAFT or PUBLISHED"));
			}
		}
		if (parsed == ArticleStatus.PUBLISHED && cleanSolution == null) {
			errors.add(new ApiProblem.FieldError("solution", "is required to publish"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest("The article is not valid", errors);
		}
		return new Valid(cleanTitle, cleanModule, cleanFault, orEmpty(cleanSymptoms), orEmpty(cleanCause),
				orEmpty(cleanSolution), parsed, sourceTicketId);
	}

	private static String text(String field, String value, int max, boolean required,
			List<ApiProblem.FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new ApiProblem.FieldError(field, "is required"));
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(new ApiProblem.FieldError(field, "at most " + max + " characters"));
		}
		return stripped;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	record Valid(String title, String module, String faultType, String symptoms, String cause, String solution,
			ArticleStatus status, UUID sourceTicketId) {
	}

}
