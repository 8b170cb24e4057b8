package io.lifeline.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Audience;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.Streams;
import io.lifeline.realtime.stomp.SubscriptionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;

/**
 * Who is viewing each ticket: a member of staff subscribed to {@code /topic/tickets.{id}} is a viewer. This node
 * keeps its own viewers' entries fresh in the shared {@link PresenceStore} and tells the ticket's stream (staff
 * only, ephemeral {@code presence} events) whenever the set of viewers changes, including when another node's
 * viewers fade after a crash.
 */
class PresenceTracker implements SubscriptionListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);

	static final Duration REFRESH = Duration.ofSeconds(10);

	static final Duration TTL = Duration.ofSeconds(30);

	private static final Pattern TICKET_STREAM = Pattern.compile("^tickets\\.([0-9a-f-]{36})$");

	private final PresenceStore store;

	private final EventLog events;

	private final Clock clock;

	/** This node's viewers: ticket -> members ({@code user|session}). */
	private final Map<UUID, Map<String, PresenceStore.Viewer>> local = new ConcurrentHashMap<>();

	/** What was last announced per ticket, so a refresh only speaks up when something changed. */
	private final Map<UUID, Set<UUID>> announced = new ConcurrentHashMap<>();

	private final Disposable refreshing;

	PresenceTracker(PresenceStore store, EventLog events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.refreshing = Flux.interval(REFRESH, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorResume(ex -> {
				log.warn("Refreshing presence failed", ex);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void subscribed(CurrentUser user, String sessionId, String stream) {
		UUID ticketId = ticket(stream);
		if (ticketId == null || !user.isStaff()) {
			return;
		}
		PresenceStore.Viewer viewer = viewer(user);
		local.computeIfAbsent(ticketId, id -> new ConcurrentHashMap<>()).put(sessionId, viewer);
		store.touch(ticketId, viewer, sessionId, expiry())
			.then(announce(ticketId, true))
			.subscribe(null, ex -> log.warn("Presence update for {} failed", ticketId, ex));
	}

	@Override
	public void unsubscribed(CurrentUser user, String sessionId, String stream) {
		UUID ticketId = ticket(stream);
		if (ticketId == null || !user.isStaff()) {
			return;
		}
		local.computeIfPresent(ticketId, (id, sessions) -> {
			sessions.remove(sessionId);
			return sessions.isEmpty() ? null : sessions;
		});
		store.remove(ticketId, viewer(user), sessionId)
			.then(announce(ticketId, true))
			.subscribe(null, ex -> log.warn("Presence update for {} failed", ticketId, ex));
	}

	Mono<Presence> presence(CurrentUser user, UUID ticketId) {
		return store.viewers(ticketId, clock.millis()).map(Presence::new);
	}

	private Mono<Void> refresh() {
		long expiry = expiry();
		return Flux.fromIterable(local.entrySet())
			.concatMap(ticket -> Flux.fromIterable(ticket.getValue().entrySet())
				.concatMap(session -> store.touch(ticket.getKey(), session.getValue(), session.getKey(), expiry))
				.then(announce(ticket.getKey(), false)))
			.then();
	}

	/** Tells the ticket's stream who is viewing, if that changed (or always, when {@code force}). */
	private Mono<Void> announce(UUID ticketId, boolean force) {
		return store.viewers(ticketId, clock.millis()).flatMap(viewers -> {
			Set<UUID> ids = Set.copyOf(viewers.stream().map(PresenceStore.Viewer::id).toList());
			Set<UUID> before = ids.isEmpty() ? announced.remove(ticketId) : announced.put(ticketId, ids);
			if (!force && ids.equals(before)) {
				return Mono.empty();
			}
			return events.sendEphemeral(Streams.ticket(ticketId), "presence", ticketId, Audience.AGENTS,
					new Presence(viewers));
		});
	}

	private long expiry() {
		return clock.millis() + TTL.toMillis();
	}

	private static PresenceStore.Viewer viewer(CurrentUser user) {
		return new PresenceStore.Viewer(user.id(), user.displayName(), user.role().name());
	}

	private static UUID ticket(String stream) {
		Matcher matcher = TICKET_STREAM.matcher(stream);
		return matcher.matches() ? UUID.fromString(matcher.group(1)) : null;
	}

	@Override
	public void destroy() {
		refreshing.dispose();
	}

	/** {@code {viewers:[{id, displayName, role}]}}. */
	record Presence(List<PresenceStore.Viewer> viewers) {
	}

}
