package io.lifeline.realtime.stomp;

import java.nio.charset.StandardCharsets;

import io.lifeline.realtime.LoggedEvent;
import io.lifeline.realtime.StreamSubscriber;

/** One SUBSCRIBE of one session: where its events go and how their MESSAGE frames start. */
final class Subscription implements StreamSubscriber {

	private final StompSession session;

	private final String id;

	private final String stream;

	private final boolean staff;

	private final byte[] messagePrefix;

	Subscription(StompSession session, String id, String destination, String stream, boolean staff) {
		this.session = session;
		this.id = id;
		this.stream = stream;
		this.staff = staff;
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
		session.message(messagePrefix, body);
	}

	@Override
	public void resyncRequired(String stream, long head) {
		String body = "{\"seq\":" + head + ",\"stream\":\"" + stream + "\",\"type\":\"resync.required\",\"at\":\""
				+ session.now() + "\",\"ticketId\":null,\"data\":{}}";
		session.message(messagePrefix, body.getBytes(StandardCharsets.UTF_8));
	}

}
