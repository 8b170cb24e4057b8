package io.lifeline.signaling;

/**
 * The {@code code} of an {@code error} message, and whether the socket is closed after it (close code 1008, or 1009
 * for a message too large) or only the offending message is dropped.
 */
enum ErrorCode {

	BAD_TOKEN("bad-token", true), TOKEN_USED("token-used", true), NOT_CONSENTED("not-consented", true),
	NOT_ALLOWED("not-allowed", false), SCOPE_MISSING("scope-missing", false), MALFORMED("malformed", true),
	TOO_LARGE("too-large", true), RATE_LIMITED("rate-limited", true), SLOW("slow-consumer", true);

	private final String wire;

	private final boolean closes;

	ErrorCode(String wire, boolean closes) {
		this.wire = wire;
		this.closes = closes;
	}

	String wire() {
		return wire;
	}

	boolean closes() {
		return closes;
	}

	int closeCode() {
		return this == TOO_LARGE ? 1009 : 1008;
	}

}
