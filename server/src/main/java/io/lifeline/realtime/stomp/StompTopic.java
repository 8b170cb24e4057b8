package io.lifeline.realtime.stomp;

import io.lifeline.identity.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * A family of SUBSCRIBE destinations a feature owns, and who may use them. Destinations no topic handles are
 * refused: authorization is deny by default.
 */
public interface StompTopic {

	/** Whether this topic owns the destination (matched exactly, as sent: no normalising that could be fooled). */
	boolean handles(String destination);

	/** The stream the user reads through this destination, or empty when they may not. */
	Mono<String> authorize(CurrentUser user, String destination);

	/** Whether a read-only wall-board token ({@code Role.WALLBOARD}) may subscribe here; no topic but that one. */
	default boolean openToWallboardTokens() {
		return false;
	}

}
