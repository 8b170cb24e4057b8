package io.lifeline.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo data set of the contract (users alice, bob, sam, carol, dave with password {@code demo}, and tickets).
 *
 * @param enabled {@code LIFELINE_DEMO}; when unset, on with the embedded database and off with a real one
 */
@ConfigurationProperties("lifeline.demo")
public record DemoProperties(Boolean enabled) {

	public boolean enabledFor(DatabaseProperties database) {
		return enabled != null ? enabled : database.embedded();
	}

}
