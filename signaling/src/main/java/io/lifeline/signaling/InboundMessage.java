package io.lifeline.signaling;

/**
 * A client's message, checked: its kind, the join token (for {@code join}), and the message as it is relayed to the
 * other side (rebuilt from the fields the kind allows, nothing else).
 */
record InboundMessage(Kind kind, String token, String relayed) {

	enum Kind {

		JOIN, OFFER, ANSWER, CANDIDATE, POINTER, CONTROL, BYE

	}

}
