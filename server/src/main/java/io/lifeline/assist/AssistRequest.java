package io.lifeline.assist;

import java.util.List;

/** {@code POST /api/tickets/{id}/assist-sessions}: what the agent asks for, and why (shown to the customer). */
record AssistRequest(List<String> scopes, String reason) {

	static final int MAX_REASON = 500;

	String checkedReason() {
		if (reason == null || reason.isBlank()) {
			throw io.lifeline.system.ApiProblem.badRequest("reason", "is required: the customer is shown it");
		}
		if (reason.strip().length() > MAX_REASON) {
			throw io.lifeline.system.ApiProblem.badRequest("reason", "at most " + MAX_REASON + " characters");
		}
		return reason.strip();
	}

}
