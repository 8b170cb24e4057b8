package io.lifeline.system;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/** Installs {@link DatabasePropertySource} behind every other source, so explicit spring.r2dbc/flyway settings win. */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty("lifeline.database.url");
		if (configured != null && !configured.isBlank()) {
			// Fail now, with a clear report, rather than deep inside the first database client.
			DatabasePropertySource.parse(configured);
		}
		if (!environment.getPropertySources().contains(DatabasePropertySource.NAME)) {
			environment.getPropertySources().addLast(new DatabasePropertySource(environment));
		}
	}

}
