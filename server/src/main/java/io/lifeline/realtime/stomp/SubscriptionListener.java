package io.lifeline.realtime.stomp;

import io.lifeline.identity.CurrentUser;

/**
 * Told when a session of this node starts or stops reading a stream (presence is built on it). Called on the
 * session's thread: keep it quick and never block.
 */
public interface SubscriptionListener {

	void subscribed(CurrentUser user, String sessionId, String stream);

	void unsubscribed(CurrentUser user, String sessionId, String stream);

}
