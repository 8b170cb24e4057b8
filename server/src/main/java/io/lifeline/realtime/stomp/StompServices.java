package io.lifeline.realtime.stomp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.lifeline.identity.TokenService;
import io.lifeline.realtime.StreamHub;
import reactor.core.scheduler.Scheduler;

/** What every STOMP session on this node shares: its collaborators, limits and clocks. */
record StompServices(TokenService tokens, StreamHub hub, List<StompTopic> topics, List<StompSendHandler> senders,
		List<SubscriptionListener> listeners, StompProperties limits, String serverName, Scheduler scheduler,
		Clock clock) {

	Optional<StompTopic> topic(String destination) {
		return topics.stream().filter(topic -> topic.handles(destination)).findFirst();
	}

	Optional<StompSendHandler> sender(String destination) {
		return senders.stream().filter(sender -> sender.handles(destination)).findFirst();
	}

	long nowMillis() {
		return scheduler.now(java.util.concurrent.TimeUnit.MILLISECONDS);
	}

}
