package io.lifeline.realtime.stomp;

import java.time.Clock;
import java.util.Map;

import io.lifeline.identity.TokenService;
import io.lifeline.realtime.StreamHub;
import io.lifeline.system.LifelineProperties;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
class StompConfiguration {

	static final String ENDPOINT = "/ws";

	@Bean
	SessionMonitor stompSessionMonitor(StompProperties limits, Clock clock) {
		return new SessionMonitor(limits, Schedulers.parallel(), clock);
	}

	@Bean
	StompWebSocketHandler stompWebSocketHandler(TokenService tokens, StreamHub hub, ObjectProvider<StompTopic> topics,
			ObjectProvider<StompSendHandler> senders, ObjectProvider<SubscriptionListener> listeners,
			StompProperties limits, LifelineProperties lifeline, Clock clock, SessionMonitor monitor) {
		StompServices services = new StompServices(tokens, hub, topics.orderedStream().toList(),
				senders.orderedStream().toList(), listeners.orderedStream().toList(), limits,
				"Lifeline/1 " + lifeline.nodeId(), Schedulers.parallel(), clock);
		return new StompWebSocketHandler(services, monitor);
	}

	@Bean
	HandlerMapping stompHandlerMapping(StompWebSocketHandler handler) {
		return new SimpleUrlHandlerMapping(Map.of(ENDPOINT, handler), Ordered.HIGHEST_PRECEDENCE);
	}

}
