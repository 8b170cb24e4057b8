package io.lifeline.realtime.stomp;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * One timer for all sessions of this node instead of one per session: every {@code tick} it sends the heart-beats
 * that are due, and closes sessions whose client fell silent, never sent CONNECT, or whose token expired.
 */
final class SessionMonitor implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SessionMonitor.class);

	private final Set<StompSession> sessions = ConcurrentHashMap.newKeySet();

	private final Disposable ticking;

	private volatile boolean running;

	SessionMonitor(StompProperties limits, Scheduler scheduler, Clock clock) {
		this.ticking = Flux.interval(limits.tick(), scheduler)
			.onBackpressureDrop()
			.subscribe(tick -> check(scheduler.now(TimeUnit.MILLISECONDS), clock), ex -> log.error("Monitor died", ex));
	}

	void register(StompSession session) {
		sessions.add(session);
	}

	void unregister(StompSession session) {
		sessions.remove(session);
	}

	int size() {
		return sessions.size();
	}

	private void check(long nowMillis, Clock clock) {
		var now = clock.instant();
		for (StompSession session : sessions) {
			try {
				session.tick(nowMillis, now);
			}
			catch (RuntimeException ex) {
				log.warn("Checking session {} failed", session.id(), ex);
			}
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * On shutdown, before the web server's graceful drain: tells every client this node is going away, so they
	 * reconnect (to another node) with resume instead of holding the shutdown up.
	 */
	@Override
	public void stop() {
		running = false;
		sessions.forEach(StompSession::goingAway);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void destroy() {
		ticking.dispose();
	}

}
