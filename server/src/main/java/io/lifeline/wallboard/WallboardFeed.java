package io.lifeline.wallboard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.lifeline.realtime.Audience;
import io.lifeline.realtime.Event;
import io.lifeline.realtime.EventBus;
import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.LoggedEvent;
import io.lifeline.realtime.StreamHub;
import io.lifeline.realtime.StreamSubscriber;
import io.lifeline.realtime.Streams;
import io.lifeline.routing.AgentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's {@link KpiBoard} current and pushes the wall board. At start it folds the whole all-tickets
 * stream from PostgreSQL, then follows it live as a subscriber of the {@link StreamHub} resuming right after what it
 * read (so nothing is missed or counted twice, across Redis outages too). Every change, and every agent status or
 * presence change, asks the {@link PushCoalescer} for a push; each node pushes to its own subscribers only.
 */
@Component
class WallboardFeed implements SmartInitializingSingleton, DisposableBean, StreamSubscriber {

	private static final Logger log = LoggerFactory.getLogger(WallboardFeed.class);

	static final int PAGE = 1000;

	/** Time alone moves figures (the window slides, clocks reach their warn time): refresh this often anyway. */
	static final Duration REFRESH = Duration.ofSeconds(30);

	private final KpiBoard board = new KpiBoard();

	private final EventLog log_;

	private final StreamHub hub;

	private final AgentDirectory agents;

	private final Clock clock;

	private final JsonMapper json;

	private final String origin;

	private final WallboardProperties properties;

	private final PushCoalescer pushes;

	private final Sinks.One<Void> ready = Sinks.one();

	private final Disposable.Composite running = Disposables.composite();

	WallboardFeed(EventLog eventLog, StreamHub hub, AgentDirectory agents, Clock clock, JsonMapper json, EventBus bus,
			WallboardProperties properties) {
		this.log_ = eventLog;
		this.hub = hub;
		this.agents = agents;
		this.clock = clock;
		this.json = json;
		this.origin = bus.origin();
		this.properties = properties;
		this.pushes = new PushCoalescer(properties.pushInterval(), Schedulers.parallel(), this::push);
	}

	@Override
	public void afterSingletonsInstantiated() {
		running.add(follow().subscribe(null, ex -> log.error("The wall board could not load the event log", ex)));
		running.add(agents.changes().subscribe(id -> pushes.changed()));
		running.add(Flux.interval(REFRESH, Schedulers.parallel()).subscribe(tick -> pushes.changed()));
	}

	/** The board once it has been rebuilt from the log. */
	Mono<KpiBoard> board() {
		return ready.asMono().thenReturn(board);
	}

	/** The wall board now. */
	Mono<WallboardSnapshot> snapshot() {
		return board().flatMap(b -> agents.agents().collectList().map(list -> b.read(view ->
				WallboardFigures.snapshot(view, list, clock.instant(), properties.window()))));
	}

	private Mono<Void> follow() {
		return rebuild().then(Mono.defer(() -> hub.join(Streams.TICKETS, this, board.seq())))
			.doOnSuccess(done -> {
				ready.tryEmitEmpty();
				pushes.changed();
			});
	}

	/** Folds the all-tickets stream from the start into a cleared board. */
	private Mono<Void> rebuild() {
		board.clear();
		return page(0).expand(events -> events.size() < PAGE ? Mono.empty() : page(events.getLast().seq()))
			.doOnNext(events -> events.forEach(board::apply))
			.then()
			.doOnSuccess(done -> log.info("Wall board rebuilt from the event log up to seq {}", board.seq()));
	}

	private Mono<List<Event>> page(long after) {
		return log_.read(Streams.TICKETS, after, Audience.AGENTS, PAGE).collectList();
	}

	private Mono<Void> push() {
		if (hub.subscribers(WallboardTopic.STREAM) == 0) {
			return Mono.empty();
		}
		return snapshot().doOnNext(snapshot -> hub.deliverLocally(new LoggedEvent(
				Event.ephemeral(WallboardTopic.STREAM, "wallboard.updated", snapshot.at(), null,
						json.valueToTree(snapshot)),
				Audience.AGENTS, origin)))
			.then();
	}

	@Override
	public boolean staff() {
		return true;
	}

	@Override
	public void deliver(LoggedEvent event, byte[] body) {
		board.apply(event.event());
		pushes.changed();
	}

	@Override
	public void resyncRequired(String stream, long head) {
		log.warn("The wall board fell behind the all-tickets stream; rebuilding");
		hub.leave(Streams.TICKETS, this);
		running.add(follow().subscribe(null, ex -> log.error("Rebuilding the wall board failed", ex)));
	}

	@Override
	public void destroy() {
		running.dispose();
		hub.leave(Streams.TICKETS, this);
	}

}
