package io.lifeline.realtime.stomp;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.identity.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.BufferingStompDecoder;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;

/**
 * One STOMP connection: its protocol state, its subscriptions and its outbound queue. Inbound frames are handled one
 * at a time in arrival order; outbound frames come from any stream and are queued, bounded: a client that does not
 * keep up is told so (ERROR "slow consumer") and dropped, so it costs the server memory for at most
 * {@code outbound-queue} frames and never slows anyone else.
 */
final class StompSession {

	private static final Logger log = LoggerFactory.getLogger(StompSession.class);

	private static final StompDecoder DECODER = new StompDecoder();

	private static final List<String> VERSIONS = List.of("1.2", "1.1", "1.0");

	private static final AtomicLong IDS = new AtomicLong();

	private enum State {

		NEW, CONNECTED, CLOSED

	}

	private final String id;

	private final StompServices services;

	private final StompProperties limits;

	private final BufferingStompDecoder decoder;

	private final Sinks.Many<WebSocketMessage> outbound = Sinks.many()
		.unicast()
		.onBackpressureBuffer(Queues.<WebSocketMessage>unbounded(16).get());

	private final AtomicInteger queued = new AtomicInteger();

	private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(4);

	private final AtomicLong messageIds = new AtomicLong();

	private final long openedAt;

	private volatile State state = State.NEW;

	private volatile CloseStatus closeStatus = CloseStatus.NORMAL;

	private volatile CurrentUser user;

	private volatile String version = "1.2";

	private volatile Instant tokenExpiresAt;

	private volatile Heartbeats heartbeats = Heartbeats.NONE;

	private volatile long lastReceived;

	private volatile long lastSent;

	private double frameTokens;

	private long frameTokensAt;

	/** Drops the connection at once, whatever is queued (see {@link #slowConsumer()}). */
	private final Runnable abort;

	StompSession(StompServices services, Runnable abort) {
		this.abort = abort;
		this.id = Long.toString(IDS.incrementAndGet(), 36) + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
		this.services = services;
		this.limits = services.limits();
		this.decoder = new BufferingStompDecoder(DECODER, limits.maxFrameSize());
		this.openedAt = services.nowMillis();
		this.lastReceived = openedAt;
		this.lastSent = openedAt;
		this.frameTokens = limits.maxFramesPerSecond();
		this.frameTokensAt = openedAt;
	}

	String id() {
		return id;
	}

	/** Frames for this client, in order; ends after an ERROR or a DISCONNECT, or when the client goes away. */
	Flux<WebSocketMessage> outbound() {
		return outbound.asFlux().doOnNext(message -> queued.decrementAndGet());
	}

	CloseStatus closeStatus() {
		return closeStatus;
	}

	Instant now() {
		return services.clock().instant();
	}

	boolean closed() {
		return state == State.CLOSED;
	}

	/** Handles what arrived in one WebSocket message: any number of frames, or part of one. */
	Mono<Void> receive(byte[] bytes) {
		if (state == State.CLOSED) {
			return Mono.empty();
		}
		lastReceived = services.nowMillis();
		List<Message<byte[]>> frames;
		try {
			frames = decoder.decode(ByteBuffer.wrap(bytes));
		}
		catch (RuntimeException ex) {
			fail(malformed(ex), null);
			return Mono.empty();
		}
		return Flux.fromIterable(frames).concatMap(this::handle, 0).then();
	}

	/** This node is shutting down: close, so the client reconnects elsewhere and resumes. */
	void goingAway() {
		close(CloseStatus.GOING_AWAY);
	}

	/** The client went away: let go of everything. */
	void terminate() {
		close(null);
	}

	/** Periodic check (see {@link SessionMonitor}): heart-beats both ways, CONNECT deadline, token expiry. */
	void tick(long nowMillis, Instant now) {
		State current = state;
		if (current == State.NEW && nowMillis - openedAt > limits.connectTimeout().toMillis()) {
			fail("No CONNECT frame within " + limits.connectTimeout().toSeconds() + " s", null);
			return;
		}
		if (current != State.CONNECTED) {
			return;
		}
		if (tokenExpiresAt != null && !now.isBefore(tokenExpiresAt)) {
			fail("Token expired: log in again", null);
			return;
		}
		Heartbeats beats = heartbeats;
		if (beats.expectEvery() > 0 && nowMillis - lastReceived > beats.expectEvery() * limits.heartbeatTolerance()) {
			fail("No heart-beat from the client for " + (nowMillis - lastReceived) + " ms", null);
			return;
		}
		if (beats.sendEvery() > 0 && nowMillis - lastSent >= beats.sendEvery()) {
			send(StompFrames.HEARTBEAT);
		}
	}

	/** Ends one subscription from the server's side (the client was told why in a last MESSAGE). */
	void end(Subscription subscription) {
		if (subscriptions.remove(subscription.id(), subscription)) {
			leave(subscription);
		}
	}

	private void leave(Subscription subscription) {
		services.hub().leave(subscription.stream(), subscription);
		if (user != null) {
			services.listeners().forEach(l -> l.unsubscribed(user, id, subscription.stream()));
		}
	}

	/** Queues a MESSAGE frame for a subscription. */
	void message(byte[] prefix, byte[] body) {
		send(StompFrames.message(prefix, id + "-" + messageIds.incrementAndGet(), body));
	}

	private Mono<Void> handle(Message<byte[]> frame) {
		if (state == State.CLOSED) {
			return Mono.empty();
		}
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
		if (headers.getMessageType() == SimpMessageType.HEARTBEAT) {
			return Mono.empty();
		}
		String receipt = headers.getReceipt();
		if (!takeFrameToken()) {
			return fail("Too many frames: at most " + limits.maxFramesPerSecond() + " a second", receipt);
		}
		String headerProblem = headerProblem(headers);
		if (headerProblem != null) {
			return fail(headerProblem, receipt);
		}
		StompCommand command = headers.getCommand();
		if (state == State.NEW) {
			return (command == StompCommand.CONNECT || command == StompCommand.STOMP) ? connect(headers)
					: fail("Send CONNECT first (got " + command + ")", receipt);
		}
		try {
			return switch (command) {
				case SUBSCRIBE -> subscribe(headers);
				case UNSUBSCRIBE -> unsubscribe(headers);
				case SEND -> send(headers, frame.getPayload());
				case DISCONNECT -> disconnect(headers);
				case CONNECT, STOMP -> fail("Already connected", receipt);
				case ACK, NACK -> fail("Only ack:auto subscriptions exist here; there is nothing to " + command, receipt);
				case BEGIN, COMMIT, ABORT -> fail("Transactions are not supported", receipt);
				default -> fail("A client may not send " + command, receipt);
			};
		}
		catch (RuntimeException ex) {
			log.warn("Session {}: handling {} failed", id, command, ex);
			return fail("Could not handle " + command, receipt);
		}
	}

	private Mono<Void> connect(StompHeaderAccessor headers) {
		String receipt = headers.getReceipt();
		String accepted = headers.getFirstNativeHeader("accept-version");
		String negotiated = negotiateVersion(accepted);
		if (negotiated == null) {
			return fail("Supported protocol versions are " + String.join(",", VERSIONS), receipt,
					Map.of("version", String.join(",", VERSIONS)));
		}
		Heartbeats beats;
		try {
			beats = Heartbeats.negotiate(headers.getFirstNativeHeader("heart-beat"),
					limits.heartbeatSend().toMillis(), limits.heartbeatReceive().toMillis());
		}
		catch (IllegalArgumentException ex) {
			return fail(ex.getMessage(), receipt);
		}
		String token = token(headers);
		if (token == null) {
			return fail("No login token: send Authorization: Bearer <token> (or the token as passcode)", receipt);
		}
		return services.tokens()
			.verify(token)
			.doOnNext(verified -> connected(negotiated, beats, verified))
			.onErrorResume(ex -> fail("Invalid or expired token", receipt).then(Mono.empty()))
			.then();
	}

	private void connected(String negotiated, Heartbeats beats, TokenService.VerifiedToken verified) {
		if (state != State.NEW) {
			return;
		}
		user = verified.user();
		tokenExpiresAt = verified.expiresAt();
		version = negotiated;
		heartbeats = beats;
		state = State.CONNECTED;
		send(StompFrames.connected(negotiated, limits.heartbeatSend().toMillis(), limits.heartbeatReceive().toMillis(),
				id, services.serverName(), user.username()));
	}

	private Mono<Void> subscribe(StompHeaderAccessor headers) {
		String receipt = headers.getReceipt();
		String destination = headers.getDestination();
		if (destination == null) {
			return fail("SUBSCRIBE needs a destination header", receipt);
		}
		String subscriptionId = headers.getSubscriptionId();
		if (subscriptionId == null) {
			if (!"1.0".equals(version)) {
				return fail("SUBSCRIBE needs an id header", receipt);
			}
			subscriptionId = destination;
		}
		if (subscriptions.containsKey(subscriptionId)) {
			return fail("Duplicate subscription id '" + subscriptionId + "'", receipt);
		}
		if (subscriptions.size() >= limits.maxSubscriptions()) {
			return fail("Too many subscriptions: at most " + limits.maxSubscriptions(), receipt);
		}
		String ack = headers.getFirstNativeHeader("ack");
		if (ack != null && !"auto".equals(ack)) {
			return fail("Only ack:auto is supported", receipt);
		}
		Long resumeAfter;
		try {
			resumeAfter = resumeAfter(headers.getFirstNativeHeader("resume-after"));
		}
		catch (IllegalArgumentException ex) {
			return fail(ex.getMessage(), receipt);
		}
		StompTopic topic = services.topic(destination).orElse(null);
		if (topic == null) {
			return fail("Unknown destination '" + destination + "'", receipt);
		}
		if (user.role() == Role.WALLBOARD && !topic.openToWallboardTokens()) {
			return fail("Not allowed to subscribe to '" + destination + "'", receipt);
		}
		String subId = subscriptionId;
		CurrentUser subscriber = user;
		return topic.authorize(subscriber, destination)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.onErrorResume(ex -> {
				log.warn("Session {}: checking access to {} failed", id, destination, ex);
				return fail("Could not check access to '" + destination + "'", receipt).then(Mono.empty());
			})
			.flatMap(stream -> stream.isEmpty()
					? fail("Not allowed to subscribe to '" + destination + "'", receipt)
					: join(new Subscription(this, subId, destination, stream.get(), subscriber),
							resumeAfter, receipt));
	}

	private Mono<Void> join(Subscription subscription, Long resumeAfter, String receipt) {
		if (state == State.CLOSED) {
			return Mono.empty();
		}
		subscriptions.put(subscription.id(), subscription);
		return services.hub()
			.join(subscription.stream(), subscription, resumeAfter)
			.then(Mono.fromRunnable(() -> {
				if (state == State.CLOSED) {
					services.hub().leave(subscription.stream(), subscription);
				}
				else {
					services.listeners().forEach(l -> l.subscribed(user, id, subscription.stream()));
					receipt(receipt);
				}
			}));
	}

	private Mono<Void> unsubscribe(StompHeaderAccessor headers) {
		String subscriptionId = headers.getSubscriptionId();
		if (subscriptionId == null && "1.0".equals(version)) {
			subscriptionId = headers.getDestination();
		}
		if (subscriptionId == null) {
			return fail("UNSUBSCRIBE needs an id header", headers.getReceipt());
		}
		Subscription subscription = subscriptions.remove(subscriptionId);
		if (subscription != null) {
			leave(subscription);
		}
		receipt(headers.getReceipt());
		return Mono.empty();
	}

	private Mono<Void> send(StompHeaderAccessor headers, byte[] body) {
		String receipt = headers.getReceipt();
		String destination = headers.getDestination();
		if (destination == null) {
			return fail("SEND needs a destination header", receipt);
		}
		StompSendHandler sender = user.role() == Role.WALLBOARD ? null : services.sender(destination).orElse(null);
		if (sender == null) {
			return fail("Cannot send to '" + destination + "'", receipt);
		}
		return sender.handle(user, destination, body)
			.then(Mono.fromRunnable(() -> receipt(receipt)))
			.onErrorResume(ex -> fail(refusal(ex), receipt))
			.then();
	}

	private Mono<Void> disconnect(StompHeaderAccessor headers) {
		receipt(headers.getReceipt());
		close(CloseStatus.NORMAL);
		return Mono.empty();
	}

	private void receipt(String receipt) {
		if (receipt != null) {
			send(StompFrames.receipt(receipt));
		}
	}

	/** Queues a frame, unless the client is too far behind: then it is disconnected as a slow consumer. */
	private void send(byte[] frame) {
		if (state == State.CLOSED) {
			return;
		}
		if (queued.incrementAndGet() > limits.outboundQueue()) {
			slowConsumer();
			return;
		}
		emit(frame);
	}

	private synchronized void emit(byte[] frame) {
		if (outbound.tryEmitNext(text(frame)).isSuccess()) {
			lastSent = services.nowMillis();
		}
	}

	/**
	 * The client stopped reading: the ERROR frame is queued for the record, but the connection is dropped now,
	 * because nothing queued behind its unread frames would ever reach it.
	 */
	private void slowConsumer() {
		if (fail("Slow consumer: more than " + limits.outboundQueue() + " frames waiting", null, Map.of(),
				CloseStatus.POLICY_VIOLATION.withReason("slow consumer"))) {
			log.info("Session {} ({}) dropped as a slow consumer", id, user == null ? "-" : user.username());
			abort.run();
		}
	}

	private Mono<Void> fail(String message, String receipt) {
		return fail(message, receipt, Map.of());
	}

	private Mono<Void> fail(String message, String receipt, Map<String, String> headers) {
		fail(message, receipt, headers, CloseStatus.PROTOCOL_ERROR);
		return Mono.empty();
	}

	/** Sends ERROR and closes; emits whether this call was the one that closed the session. */
	private boolean fail(String message, String receipt, Map<String, String> headers, CloseStatus status) {
		synchronized (this) {
			if (state == State.CLOSED) {
				return false;
			}
			// ERROR goes out whatever the queue holds: it is the last frame.
			outbound.tryEmitNext(text(StompFrames.error(message, receipt, headers)));
		}
		close(status);
		return true;
	}

	private void close(CloseStatus status) {
		synchronized (this) {
			if (state == State.CLOSED && status != null) {
				return;
			}
			state = State.CLOSED;
			if (status != null) {
				closeStatus = status;
			}
			outbound.tryEmitComplete();
		}
		subscriptions.values().forEach(this::leave);
		subscriptions.clear();
	}

	private boolean takeFrameToken() {
		long now = services.nowMillis();
		int rate = limits.maxFramesPerSecond();
		frameTokens = Math.min(rate, frameTokens + (now - frameTokensAt) * rate / 1000.0);
		frameTokensAt = now;
		if (frameTokens < 1) {
			return false;
		}
		frameTokens -= 1;
		return true;
	}

	private String headerProblem(StompHeaderAccessor headers) {
		Map<String, List<String>> all = headers.toNativeHeaderMap();
		if (all.size() > limits.maxHeaders()) {
			return "Too many headers: at most " + limits.maxHeaders();
		}
		for (Map.Entry<String, List<String>> header : all.entrySet()) {
			for (String value : header.getValue()) {
				if (header.getKey().length() + (value == null ? 0 : value.length()) > limits.maxHeaderLength()) {
					return "Header '" + header.getKey() + "' is longer than " + limits.maxHeaderLength()
							+ " characters";
				}
			}
		}
		return null;
	}

	private static String negotiateVersion(String accepted) {
		if (accepted == null || accepted.isBlank()) {
			return "1.0";
		}
		List<String> offered = List.of(accepted.replace(" ", "").split(","));
		return VERSIONS.stream().filter(offered::contains).findFirst().orElse(null);
	}

	private static String token(StompHeaderAccessor headers) {
		for (String name : List.of("Authorization", "authorization")) {
			String value = headers.getFirstNativeHeader(name);
			if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return value.substring(7).strip();
			}
		}
		String passcode = headers.getPasscode();
		return (passcode == null || passcode.isBlank()) ? null : passcode.strip();
	}

	private static Long resumeAfter(String value) {
		if (value == null) {
			return null;
		}
		try {
			long seq = Long.parseLong(value.strip());
			if (seq >= 0) {
				return seq;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("Bad resume-after header '" + value + "': expected a seq of 0 or more");
	}

	private static String malformed(RuntimeException ex) {
		String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		if (reason.contains("buffer size limit")) {
			return "Frame too large";
		}
		if (ex instanceof IllegalArgumentException && reason.contains("StompCommand")) {
			return "Unknown command";
		}
		return "Malformed frame: " + reason;
	}

	private static String refusal(Throwable ex) {
		if (ex instanceof ErrorResponse error && error.getBody().getDetail() != null) {
			return error.getBody().getDetail();
		}
		return "The message could not be handled";
	}

	private static WebSocketMessage text(byte[] frame) {
		return new WebSocketMessage(WebSocketMessage.Type.TEXT, DefaultDataBufferFactory.sharedInstance.wrap(frame));
	}

}
