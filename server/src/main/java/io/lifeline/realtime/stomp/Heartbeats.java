package io.lifeline.realtime.stomp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heart-beat negotiation as STOMP 1.1+ defines it. The client's CONNECT says {@code cx,cy}: it can send every cx ms
 * and wants to receive every cy ms; the server's own {@code sx,sy} say the same from its side. Zero means never.
 *
 * @param sendEvery how often this server must send something: {@code max(sx, cy)}, or 0
 * @param expectEvery how often the client must send something: {@code max(cx, sy)}, or 0
 */
record Heartbeats(long sendEvery, long expectEvery) {

	private static final Pattern HEADER = Pattern.compile("^(\\d{1,9}),(\\d{1,9})$");

	static final Heartbeats NONE = new Heartbeats(0, 0);

	/** @throws IllegalArgumentException for a header that is not {@code <int>,<int>} */
	static Heartbeats negotiate(String clientHeader, long serverSend, long serverReceive) {
		if (clientHeader == null) {
			return NONE;
		}
		Matcher matcher = HEADER.matcher(clientHeader.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Bad heart-beat header '" + clientHeader + "': expected cx,cy");
		}
		long clientSend = Long.parseLong(matcher.group(1));
		long clientReceive = Long.parseLong(matcher.group(2));
		return new Heartbeats(both(serverSend, clientReceive), both(clientSend, serverReceive));
	}

	private static long both(long a, long b) {
		return a == 0 || b == 0 ? 0 : Math.max(a, b);
	}

}
