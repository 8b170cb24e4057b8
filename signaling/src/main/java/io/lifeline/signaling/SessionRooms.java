package io.lifeline.signaling;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The joined sockets on this node, by session, and what each {@link Dispatch} does to them. A node holds at most a
 * few sockets of any session, so acting on a dispatch is a loop over a handful.
 */
final class SessionRooms {

	private final Map<String, Set<SignalSocket>> rooms = new ConcurrentHashMap<>();

	void add(SignalSocket socket) {
		rooms.computeIfAbsent(socket.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(socket);
	}

	void remove(SignalSocket socket) {
		rooms.computeIfPresent(socket.sessionId(), (id, sockets) -> {
			sockets.remove(socket);
			return sockets.isEmpty() ? null : sockets;
		});
	}

	/** Sockets on this node (for tests and metrics). */
	int size() {
		return rooms.values().stream().mapToInt(Set::size).sum();
	}

	void apply(Dispatch dispatch) {
		Set<SignalSocket> sockets = rooms.get(dispatch.sessionId());
		if (sockets == null) {
			return;
		}
		for (SignalSocket socket : sockets) {
			switch (dispatch) {
				case Dispatch.Relay relay -> {
					if (socket.role() == relay.to()) {
						socket.send(relay.message());
					}
				}
				case Dispatch.Arrived arrived -> arrived(socket, arrived);
				case Dispatch.Left left -> {
					if (socket.role() != left.role()) {
						socket.peerPresent(false);
						socket.send(Outbound.peerLeft());
					}
				}
				case Dispatch.Close close -> socket.finish(Outbound.closed(close.closure()),
						new CloseStatus(close.closure().kind().closeCode(), close.closure().reason()));
				case Dispatch.Narrow narrow -> {
					socket.narrow(narrow.scopes());
					socket.send(Outbound.scopes(socket.scopes()));
				}
			}
		}
	}

	private static void arrived(SignalSocket socket, Dispatch.Arrived arrived) {
		if (socket.id().equals(arrived.socketId())) {
			return;
		}
		if (socket.role() == arrived.role()) {
			socket.finish(null, new CloseStatus(4003, "replaced"));
			return;
		}
		socket.peerPresent(true);
		socket.send(Outbound.peerJoined(arrived.role()));
	}

}
