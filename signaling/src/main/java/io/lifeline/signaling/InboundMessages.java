package io.lifeline.signaling;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads clients' messages: {@code join {token}}, {@code offer|answer {sdp}}, {@code candidate {candidate}},
 * {@code pointer {x, y, mark?}}, {@code control {action, x?, y?, dx?, dy?, key?, text?}} and {@code bye}. Only the
 * fields a kind allows are relayed, each checked for type and range; anything else is malformed.
 */
final class InboundMessages {

	static final int MAX_KEY_LENGTH = 32;

	static final int MAX_TEXT_LENGTH = 1000;

	static final int MAX_CANDIDATE_FIELD = 1024;

	private static final Set<String> MARKS = Set.of("move", "click", "draw", "clear");

	private static final Set<String> ACTIONS = Set.of("click", "scroll", "key", "input");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private InboundMessages() {
	}

	static InboundMessage read(String text) throws MalformedMessage {
		JsonNode message;
		try {
			message = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedMessage("not JSON");
		}
		if (message == null || !message.isObject()) {
			throw new MalformedMessage("a message is a JSON object");
		}
		String type = requiredText(message, "type", 32);
		ObjectNode relayed = JSON.createObjectNode().put("type", type);
		return switch (type) {
			case "join" -> new InboundMessage(InboundMessage.Kind.JOIN,
					requiredText(message, "token", JoinTokens.MAX_TOKEN_LENGTH), null);
			case "offer", "answer" -> {
				relayed.put("sdp", requiredText(message, "sdp", Integer.MAX_VALUE));
				yield relay(type.equals("offer") ? InboundMessage.Kind.OFFER : InboundMessage.Kind.ANSWER, relayed);
			}
			case "candidate" -> {
				relayed.set("candidate", candidate(message.get("candidate")));
				yield relay(InboundMessage.Kind.CANDIDATE, relayed);
			}
			case "pointer" -> {
				relayed.put("x", fraction(message, "x", true)).put("y", fraction(message, "y", true));
				relayed.put("mark", oneOf(message, "mark", MARKS, "move"));
				yield relay(InboundMessage.Kind.POINTER, relayed);
			}
			case "control" -> relay(InboundMessage.Kind.CONTROL, control(message, relayed));
			case "bye" -> relay(InboundMessage.Kind.BYE, relayed);
			default -> throw new MalformedMessage("unknown type '" + type + "'");
		};
	}

	private static InboundMessage relay(InboundMessage.Kind kind, ObjectNode relayed) {
		return new InboundMessage(kind, null, JSON.writeValueAsString(relayed));
	}

	/** An RTCIceCandidateInit: {@code candidate} and the optional {@code sdpMid}, {@code sdpMLineIndex}, fragment. */
	private static ObjectNode candidate(JsonNode candidate) throws MalformedMessage {
		if (candidate == null || !candidate.isObject()) {
			throw new MalformedMessage("candidate must be an object");
		}
		ObjectNode kept = JSON.createObjectNode();
		kept.put("candidate", requiredText(candidate, "candidate", MAX_CANDIDATE_FIELD));
		for (String field : new String[] { "sdpMid", "usernameFragment" }) {
			JsonNode value = candidate.get(field);
			if (value != null && !value.isNull()) {
				kept.put(field, requiredText(candidate, field, MAX_CANDIDATE_FIELD));
			}
		}
		JsonNode index = candidate.get("sdpMLineIndex");
		if (index != null && !index.isNull()) {
			if (!index.canConvertToInt() || !index.isIntegralNumber() || index.asInt() < 0) {
				throw new MalformedMessage("candidate.sdpMLineIndex must be a whole number");
			}
			kept.put("sdpMLineIndex", index.asInt());
		}
		return kept;
	}

	private static ObjectNode control(JsonNode message, ObjectNode relayed) throws MalformedMessage {
		relayed.put("action", oneOf(message, "action", ACTIONS, null));
		Double x = fraction(message, "x", false);
		Double y = fraction(message, "y", false);
		if (x != null) {
			relayed.put("x", x);
		}
		if (y != null) {
			relayed.put("y", y);
		}
		for (String delta : new String[] { "dx", "dy" }) {
			JsonNode value = message.get(delta);
			if (value != null) {
				if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
					throw new MalformedMessage(delta + " must be a number");
				}
				relayed.put(delta, value.asDouble());
			}
		}
		if (message.has("key")) {
			relayed.put("key", requiredText(message, "key", MAX_KEY_LENGTH));
		}
		if (message.has("text")) {
			relayed.put("text", requiredText(message, "text", MAX_TEXT_LENGTH));
		}
		return relayed;
	}

	private static String requiredText(JsonNode message, String field, int maxLength) throws MalformedMessage {
		JsonNode value = message.get(field);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw new MalformedMessage(field + " must be a non-empty string");
		}
		if (value.asString().length() > maxLength) {
			throw new MalformedMessage(field + " is longer than " + maxLength + " characters");
		}
		return value.asString();
	}

	/** A number from 0 to 1 (a position relative to the shared view), or null when absent and optional. */
	private static Double fraction(JsonNode message, String field, boolean required) throws MalformedMessage {
		JsonNode value = message.get(field);
		if (value == null && !required) {
			return null;
		}
		if (value == null || !value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
			throw new MalformedMessage(field + " must be a number from 0 to 1");
		}
		return value.asDouble();
	}

	private static String oneOf(JsonNode message, String field, Set<String> allowed, String fallback)
			throws MalformedMessage {
		JsonNode value = message.get(field);
		if (value == null && fallback != null) {
			return fallback;
		}
		if (value == null || !value.isString() || !allowed.contains(value.asString())) {
			throw new MalformedMessage(field + " must be one of " + allowed);
		}
		return value.asString();
	}

}
