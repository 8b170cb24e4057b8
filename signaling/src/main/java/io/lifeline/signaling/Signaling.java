package io.lifeline.signaling;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import org.springframework.web.reactive.socket.WebSocketHandler;

/**
 * The signaling service put together: the {@code /signal} WebSocket handler to mount, and the control API for the
 * server. {@link #start()} begins acting on dispatches from every node; {@link #close()} stops.
 */
public final class Signaling implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Signaling.class);

	private final SessionRooms rooms = new SessionRooms();

	private final SignalBus bus;

	private final SignalingHandler handler;

	private final SignalingControl control;

	private volatile Disposable listening;

	public Signaling(SignalingLimits limits, JoinTokens tokens, TokenClaims claims, SessionDirectory directory,
			SignalBus bus, RefusalListener refusals, Clock clock) {
		this.bus = bus;
		Admission admission = new Admission(tokens, claims, directory, bus, rooms, refusals, clock);
		this.handler = new SignalingHandler(limits, admission, bus);
		this.control = new SignalingControl(directory, bus);
	}

	public WebSocketHandler handler() {
		return handler;
	}

	public SignalingControl control() {
		return control;
	}

	/** Joined sockets on this node. */
	public int sockets() {
		return rooms.size();
	}

	public void start() {
		listening = bus.dispatches().subscribe(rooms::apply, ex -> log.error("The signal bus failed", ex));
	}

	@Override
	public void close() {
		Disposable current = listening;
		if (current != null) {
			current.dispose();
		}
	}

}
