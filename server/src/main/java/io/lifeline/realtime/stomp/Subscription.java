package io.lifeline.realtime.stomp;

import java.nio.charset.StandardCharsets;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.LoggedEvent;
import io.lifeline.realtime.StreamSubscriber;
import tools.jackson.databind.JsonNode;

/** One SUBSCRIBE of one session: where its events go and how their MESSAGE frames start. */
final class Subscription implements StreamSubscriber {

	private final StompSession session;

	private final String id;

	private final String stream;

	private final boolean staff;

	private final String userId;

	private final byte[] messagePrefix;

	Subscription(StompSession session, String id, String destination, String stream, CurrentUser user) {
		this.session = session;
		this.id = id;
		this.stream = stream;
		this.staff = user.isStaff();
		this.userId = user.id().toString();
		this.messagePrefix = StompFrames.messagePrefix(destination, id);
	}

	String id() {
		return id;
	}

	String stream() {
		return stream;
	}

	@Override
	public boolean staff() {
		return staff;
	}

	@Override
	public void deliver(LoggedEvent event, byte[] body) {
		if (!staff && !stillVisible(event)) {
			end();
			return;
		}
		session.message(messagePrefix, body);
	}

	/**
	 * A customer's subscription lasts as long as the ticket is theirs: an event that shows the ticket now belongs to
	 * someone else is not delivered, and the subscription ends with a {@code subscription.ended} event.
	 */
	private boolean stillVisible(LoggedEvent event) {
		JsonNode owner = event.event().data().path("ticket").path("customer").path("id");
		return owner.isMissingNode() || owner.isNull() || userId.equals(owner.asString());
	}

	private void end() {
		String body = "{\"seq\":null,\"stream\":\"" + stream + "\",\"type\":\"subscription.ended\",\"at\":\""
				+ session.now() + "\",\"ticketId\":null,\"data\":{\"reason\":\"not visible\"}}";
		session.message(messagePrefix, body.getBytes(StandardCharsets.UTF_8));
		session.end(this);
	}

	@Override
	public void resyncRequired(String stream, long head) {
		String body = "{\"seq\":" + head + ",\"stream\":\"" + stream + "\",\"type\":\"resync.required\",\"at\":\""
				+ session.now() + "\",\"ticketId\":null,\"data\":{}}";
		session.message(messagePrefix, body.getBytes(StandardCharsets.UTF_8));
	}

}
