package io.lifeline.realtime.stomp;

import io.lifeline.identity.CurrentUser;
import reactor.core.publisher.Mono;

/**
 * A family of SEND destinations a feature owns. The returned Mono completes once the effect is durable; only then
 * does the client get its RECEIPT. An error (an {@code ApiProblem} for bad input or a refusal) becomes an ERROR frame.
 */
public interface StompSendHandler {

	boolean handles(String destination);

	Mono<Void> handle(CurrentUser user, String destination, byte[] body);

}
