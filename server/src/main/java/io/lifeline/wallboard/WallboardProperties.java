package io.lifeline.wallboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param agentsAllowed whether agents, not only supervisors, may watch the wall board; default false
 */
@ConfigurationProperties("lifeline.wallboard")
public record WallboardProperties(boolean agentsAllowed) {
}
