package io.lifeline.realtime.stomp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/** The frames the server sends, as bytes. MESSAGE frames, the hot path, are assembled by hand around a shared body. */
final class StompFrames {

	static final byte[] HEARTBEAT = { '\n' };

	private static final StompEncoder ENCODER = new StompEncoder();

	private static final byte[] CONTENT_HEADERS = "\ncontent-type:application/json\ncontent-length:"
		.getBytes(StandardCharsets.US_ASCII);

	private StompFrames() {
	}

	static byte[] connected(String version, long sendEvery, long expectEvery, String session, String server,
			String userName) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECTED);
		headers.setNativeHeader("version", version);
		headers.setNativeHeader("heart-beat", sendEvery + "," + expectEvery);
		headers.setNativeHeader("session", session);
		headers.setNativeHeader("server", server);
		headers.setNativeHeader("user-name", userName);
		return encode(headers);
	}

	static byte[] receipt(String receiptId) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.RECEIPT);
		headers.setNativeHeader("receipt-id", receiptId);
		return encode(headers);
	}

	static byte[] error(String message, String receiptId, Map<String, String> extra) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.ERROR);
		headers.setNativeHeader("message", message);
		if (receiptId != null) {
			headers.setNativeHeader("receipt-id", receiptId);
		}
		extra.forEach(headers::setNativeHeader);
		headers.setNativeHeader("content-type", "text/plain");
		byte[] body = message.getBytes(StandardCharsets.UTF_8);
		headers.setContentLength(body.length);
		return ENCODER.encode(MessageBuilder.createMessage(body, headers.getMessageHeaders()));
	}

	/**
	 * The fixed start of every MESSAGE a subscription receives, up to the value of {@code message-id}; computed once
	 * per subscription.
	 */
	static byte[] messagePrefix(String destination, String subscriptionId) {
		return ("MESSAGE\ndestination:" + escape(destination) + "\nsubscription:" + escape(subscriptionId)
				+ "\nmessage-id:").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] message(byte[] prefix, String messageId, byte[] body) {
		byte[] id = messageId.getBytes(StandardCharsets.US_ASCII);
		byte[] length = Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII);
		byte[] frame = new byte[prefix.length + id.length + CONTENT_HEADERS.length + length.length + 2 + body.length
				+ 1];
		int at = 0;
		at = put(frame, at, prefix);
		at = put(frame, at, id);
		at = put(frame, at, CONTENT_HEADERS);
		at = put(frame, at, length);
		frame[at++] = '\n';
		frame[at++] = '\n';
		at = put(frame, at, body);
		frame[at] = 0;
		return frame;
	}

	/** STOMP 1.1/1.2 header value escaping. */
	static String escape(String value) {
		StringBuilder escaped = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			String replacement = switch (c) {
				case '\\' -> "\\\\";
				case ':' -> "\\c";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return escaped == null ? value : escaped.toString();
	}

	private static byte[] encode(StompHeaderAccessor headers) {
		return ENCODER.encode(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
	}

	private static int put(byte[] frame, int at, byte[] part) {
		System.arraycopy(part, 0, frame, at, part.length);
		return at + part.length;
	}

}
