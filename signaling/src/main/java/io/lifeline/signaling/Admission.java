package io.lifeline.signaling;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The {@code join} of a socket: the token must be genuine, unexpired and unused, and its session not over; then the
 * socket joins its session's room here and in the {@link SessionDirectory}, learns whether the other side is there,
 * and the other side hears it arrived. The session's end is armed on the socket itself, so it closes on time even
 * if no one says so.
 */
final class Admission {

	private final JoinTokens tokens;

	private final TokenClaims claims;

	private final SessionDirectory directory;

	private final SignalBus bus;

	private final SessionRooms rooms;

	private final RefusalListener refusals;

	private final Clock clock;

	Admission(JoinTokens tokens, TokenClaims claims, SessionDirectory directory, SignalBus bus, SessionRooms rooms,
			RefusalListener refusals, Clock clock) {
		this.tokens = tokens;
		this.claims = claims;
		this.directory = directory;
		this.bus = bus;
		this.rooms = rooms;
		this.refusals = refusals;
		this.clock = clock;
	}

	Mono<Void> join(SignalSocket socket, String token) {
		JoinClaims joining;
		try {
			joining = tokens.verify(token);
		}
		catch (InvalidJoinToken ex) {
			ex.authentic().ifPresent(authentic -> refused(authentic, ErrorCode.BAD_TOKEN, ex.getMessage()));
			socket.fail(ErrorCode.BAD_TOKEN, ex.getMessage());
			return Mono.empty();
		}
		return claims.claim(joining.tokenId(), joining.expiresAt()).flatMap(first -> {
			if (!first) {
				refused(joining, ErrorCode.TOKEN_USED, "this join token was used already");
				socket.fail(ErrorCode.TOKEN_USED, "this join token was used already");
				return Mono.empty();
			}
			return enter(socket, joining);
		});
	}

	/** Forgets a joined socket that closed; the other side hears it left unless a newer socket took its place. */
	Mono<Void> leave(SignalSocket socket) {
		if (socket.claims() == null) {
			return Mono.empty();
		}
		rooms.remove(socket);
		return directory.leave(socket.sessionId(), socket.role(), socket.id())
			.filter(current -> current)
			.flatMap(current -> bus.publish(new Dispatch.Left(socket.sessionId(), socket.role(), socket.id())));
	}

	private Mono<Void> enter(SignalSocket socket, JoinClaims joining) {
		// In the room before asking the directory: a close published meanwhile reaches this socket either way.
		socket.admit(joining);
		rooms.add(socket);
		return directory.arrive(joining.sessionId(), joining.role(), socket.id()).flatMap(arrival -> {
			if (arrival.closure().isPresent()) {
				refused(joining, ErrorCode.NOT_CONSENTED, "the session is over");
				socket.fail(ErrorCode.NOT_CONSENTED, "the session is over");
				return leave(socket);
			}
			Set<Scope> scopes = arrival.narrowedScopes()
				.map(narrowed -> Scope.common(joining.scopes(), narrowed))
				.orElse(joining.scopes());
			socket.joined(scopes, arrival.peerPresent());
			socket.send(Outbound.joined(joining.role(), scopes, arrival.peerPresent()));
			armSessionEnd(socket, joining);
			return bus.publish(new Dispatch.Arrived(joining.sessionId(), joining.role(), socket.id()));
		});
	}

	private void armSessionEnd(SignalSocket socket, JoinClaims joining) {
		Duration left = Duration.between(clock.instant(), joining.sessionEndsAt());
		Closure expired = Closure.expired();
		socket.timer(Mono.delay(left.isNegative() ? Duration.ZERO : left)
			.subscribe(tick -> socket.finish(Outbound.closed(expired),
					new CloseStatus(expired.kind().closeCode(), expired.reason()))));
	}

	private void refused(JoinClaims joining, ErrorCode code, String reason) {
		refusals.refused(joining, code.wire(), reason);
	}

}
