package io.lifeline.signaling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/** The messages the server itself sends on {@code /signal}; relayed ones pass through as they came. */
final class Outbound {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Outbound() {
	}

	static String joined(ParticipantRole role, Set<Scope> scopes, boolean peerPresent) {
		return write("type", "joined", "role", role.wire(), "grantedScopes", Scope.wires(scopes),
				"peerPresent", peerPresent);
	}

	static String peerJoined(ParticipantRole role) {
		return write("type", "peer-joined", "role", role.wire());
	}

	static String peerLeft() {
		return write("type", "peer-left");
	}

	static String scopes(Set<Scope> scopes) {
		return write("type", "scopes", "grantedScopes", Scope.wires(scopes));
	}

	static String closed(Closure closure) {
		return closure.kind() == Closure.Kind.REVOKED ? write("type", "revoked")
				: write("type", "ended", "reason", closure.reason());
	}

	static String error(ErrorCode code, String message) {
		return write("type", "error", "code", code.wire(), "message", message);
	}

	/** Keys and values in turn, written in that order ({@code type} first reads best on the wire). */
	private static String write(Object... keysAndValues) {
		Map<Object, Object> message = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			message.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return JSON.writeValueAsString(message);
	}

}
