package io.lifeline.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.routing.*}.
 *
 * @param autoAssign assign new and waiting tickets to agents automatically (true)
 * @param interval how often every node also looks at the queue, besides on every change that could free an agent
 * (5 seconds)
 * @param resolutionWindow how far back an agent's resolution rate looks (7 days)
 */
@ConfigurationProperties("lifeline.routing")
record RoutingProperties(@DefaultValue("true") boolean autoAssign, @DefaultValue("PT5S") Duration interval,
		@DefaultValue("P7D") Duration resolutionWindow) {
}
