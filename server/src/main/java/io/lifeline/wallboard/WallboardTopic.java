package io.lifeline.wallboard;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.realtime.stomp.StompTopic;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@code /topic/wallboard}: wall board snapshots, for supervisors (and agents, when allowed). */
@Component
class WallboardTopic implements StompTopic {

	static final String DESTINATION = "/topic/wallboard";

	static final String STREAM = "wallboard";

	private final WallboardProperties properties;

	WallboardTopic(WallboardProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean handles(String destination) {
		return DESTINATION.equals(destination);
	}

	@Override
	public Mono<String> authorize(CurrentUser user, String destination) {
		boolean allowed = user.role() == Role.SUPERVISOR || user.role() == Role.WALLBOARD
				|| (properties.agentsAllowed() && user.role() == Role.AGENT);
		return allowed ? Mono.just(STREAM) : Mono.empty();
	}

	@Override
	public boolean openToWallboardTokens() {
		return true;
	}

}
