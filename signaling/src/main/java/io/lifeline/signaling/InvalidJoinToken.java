package io.lifeline.signaling;

import java.util.Optional;

/** A join token that is not good: forged, garbled or out of date. */
public final class InvalidJoinToken extends Exception {

	private final transient JoinClaims authentic;

	InvalidJoinToken(String reason, JoinClaims authentic) {
		super(reason, null, false, false);
		this.authentic = authentic;
	}

	/** The claims, when the token was genuine but is no longer good (expired): worth recording who tried. */
	public Optional<JoinClaims> authentic() {
		return Optional.ofNullable(authentic);
	}

}
