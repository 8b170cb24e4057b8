package io.lifeline.signaling;

/** A message that is not one of the protocol's, or not well formed. */
final class MalformedMessage extends Exception {

	MalformedMessage(String reason) {
		super(reason, null, false, false);
	}

}
