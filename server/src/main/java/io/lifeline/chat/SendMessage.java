package io.lifeline.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.lifeline.system.ApiProblem;

/**
 * What a sender gives, over REST or STOMP: {@code {body, clientMessageId, internal?, attachmentIds?}}.
 * {@link #validated()} checks it the same way for both.
 */
record SendMessage(String body, String clientMessageId, Boolean internal, List<UUID> attachmentIds) {

	static final int MAX_BODY = 10_000;

	static final int MAX_ATTACHMENTS = 10;

	private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

	SendMessage validated() {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		String text = body == null ? "" : body.strip();
		List<UUID> files = attachmentIds == null ? List.of() : attachmentIds;
		if (text.isEmpty() && files.isEmpty()) {
			errors.add(new ApiProblem.FieldError("body", "must not be empty"));
		}
		if (text.length() > MAX_BODY) {
			errors.add(new ApiProblem.FieldError("body", "at most " + MAX_BODY + " characters"));
		}
		if (clientMessageId == null || !CLIENT_ID.matcher(clientMessageId).matches()) {
			errors.add(new ApiProblem.FieldError("clientMessageId", "must be 1 to 100 of A-Z a-z 0-9 _ -"));
		}
		if (files.size() > MAX_ATTACHMENTS || files.stream().anyMatch(java.util.Objects::isNull)) {
			errors.add(new ApiProblem.FieldError("attachmentIds", "at most " + MAX_ATTACHMENTS + " attachment ids"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message())
				.toList()), errors);
		}
		return new SendMessage(text, clientMessageId, Boolean.TRUE.equals(internal), List.copyOf(files));
	}

	boolean isInternal() {
		return Boolean.TRUE.equals(internal);
	}

}
