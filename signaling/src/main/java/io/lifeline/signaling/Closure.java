package io.lifeline.signaling;

/**
 * How a session ended, as its two sockets are told before they are closed: {@code revoked} (close code 4000),
 * {@code ended} with a reason (4001), or {@code ended} with reason {@code expired} (4002).
 */
public record Closure(Kind kind, String reason) {

	public static Closure revoked() {
		return new Closure(Kind.REVOKED, "revoked");
	}

	public static Closure ended(String reason) {
		return new Closure(Kind.ENDED, reason);
	}

	public static Closure expired() {
		return new Closure(Kind.EXPIRED, "expired");
	}

	/** {@code kind:reason}, as stored. */
	String encode() {
		return kind.name() + ":" + reason;
	}

	static Closure decode(String encoded) {
		int colon = encoded.indexOf(':');
		return new Closure(Kind.valueOf(encoded.substring(0, colon)), encoded.substring(colon + 1));
	}

	public enum Kind {

		REVOKED(4000), ENDED(4001), EXPIRED(4002);

		private final int closeCode;

		Kind(int closeCode) {
			this.closeCode = closeCode;
		}

		public int closeCode() {
			return closeCode;
		}

	}

}
