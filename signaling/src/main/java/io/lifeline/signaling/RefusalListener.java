package io.lifeline.signaling;

/**
 * Hears about refused joins whose token was genuine (used twice, expired, or for a session that is over), so the
 * server can put the attempt on record. Forged tokens name no one worth recording.
 */
@FunctionalInterface
public interface RefusalListener {

	RefusalListener NONE = (claims, code, reason) -> {
	};

	void refused(JoinClaims claims, String code, String reason);

}
