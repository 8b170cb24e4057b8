package io.lifeline.tickets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lifeline.system.ApiProblem;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body. A field that is absent is left alone; {@code "assigneeId": null} unassigns, which is why this is
 * parsed from the JSON tree rather than bound to a record.
 *
 * @param assigneeId empty when absent; present with null to unassign
 */
record TicketPatch(TicketStatus status, Priority priority, Optional<Optional<UUID>> assigneeId, List<String> tags) {

	static final Set<String> FIELDS = Set.of("status", "priority", "assigneeId", "tags");

	static TicketPatch parse(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiProblem.badRequest("body", "must be a JSON object");
		}
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		for (String name : body.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add(new ApiProblem.FieldError(name, "unknown field; allowed: assigneeId, priority, status, tags"));
			}
		}
		TicketStatus status = enumField(body, "status", TicketStatus.class, errors);
		Priority priority = enumField(body, "priority", Priority.class, errors);
		Optional<Optional<UUID>> assignee = assignee(body, errors);
		List<String> tags = tags(body, errors);
		if (errors.isEmpty() && status == null && priority == null && assignee.isEmpty() && tags == null) {
			errors.add(new ApiProblem.FieldError("body", "names nothing to change"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest(describe(errors), errors);
		}
		return new TicketPatch(status, priority, assignee, tags);
	}

	/** Whether this patch touches anything but the status: customers may only mark their ticket solved. */
	boolean changesMoreThanStatus() {
		return priority != null || assigneeId.isPresent() || tags != null;
	}

	private static <E extends Enum<E>> E enumField(JsonNode body, String name, Class<E> type,
			List<ApiProblem.FieldError> errors) {
		JsonNode node = body.get(name);
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(node.asString())) {
					return constant;
				}
			}
		}
		errors.add(new ApiProblem.FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
		return null;
	}

	private static Optional<Optional<UUID>> assignee(JsonNode body, List<ApiProblem.FieldError> errors) {
		JsonNode node = body.get("assigneeId");
		if (node == null) {
			return Optional.empty();
		}
		if (node.isNull()) {
			return Optional.of(Optional.empty());
		}
		if (node.isString()) {
			try {
				return Optional.of(Optional.of(UUID.fromString(node.asString())));
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
		}
		errors.add(new ApiProblem.FieldError("assigneeId", "must be a user id or null"));
		return Optional.empty();
	}

	private static List<String> tags(JsonNode body, List<ApiProblem.FieldError> errors) {
		JsonNode node = body.get("tags");
		if (node == null) {
			return null;
		}
		if (!node.isArray() || !node.valueStream().allMatch(JsonNode::isString)) {
			errors.add(new ApiProblem.FieldError("tags", "must be an array of strings"));
			return null;
		}
		return Tags.normalize(node.valueStream().map(JsonNode::asString).toList(), errors);
	}

	private static String describe(List<ApiProblem.FieldError> errors) {
		return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
	}

}
