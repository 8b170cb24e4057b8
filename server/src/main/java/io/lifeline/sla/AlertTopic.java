package io.lifeline.sla;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.stomp.StompTopic;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@code /user/queue/alerts}: SLA warnings, breaches and escalations addressed to the subscriber themself. */
@Component
class AlertTopic implements StompTopic {

	static final String DESTINATION = "/user/queue/alerts";

	static String stream(java.util.UUID userId) {
		return "alerts." + userId;
	}

	@Override
	public boolean handles(String destination) {
		return DESTINATION.equals(destination);
	}

	@Override
	public Mono<String> authorize(CurrentUser user, String destination) {
		return Mono.just(stream(user.id()));
	}

}
