package io.lifeline.system;

import java.util.Set;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Renders {@code lifeline.database.*} into the settings of the two clients that talk to PostgreSQL:
 * {@code spring.r2dbc.*} (the application) and {@code spring.flyway.*} (migrations, which need their own JDBC URL
 * or silently do nothing). With no {@code lifeline.database.url} it starts the embedded PostgreSQL.
 * <p>
 * Values are resolved when first asked for, not when the environment is prepared, so that a database chosen late
 * (a test's {@code @DynamicPropertySource}) is the one used, and the embedded server starts only if it is needed.
 */
final class DatabasePropertySource extends PropertySource<Object> {

	static final String NAME = "lifelineDatabase";

	static final String EMBEDDED = "lifeline.database.embedded";

	private static final Set<String> NAMES = Set.of("spring.r2dbc.url", "spring.r2dbc.username",
			"spring.r2dbc.password", "spring.flyway.url", "spring.flyway.user", "spring.flyway.password", EMBEDDED);

	private volatile PostgresUrl resolved;

	private volatile boolean embedded;

	/**
	 * Held aside rather than as the source: Boot walks into a property source whose source is an environment, and
	 * this one is inside the environment it reads.
	 */
	private final ConfigurableEnvironment environment;

	DatabasePropertySource(ConfigurableEnvironment environment) {
		super(NAME, new Object());
		this.environment = environment;
	}

	@Override
	public Object getProperty(String name) {
		if (!NAMES.contains(name)) {
			return null;
		}
		PostgresUrl url = resolve();
		return switch (name) {
			case "spring.r2dbc.url" -> url.r2dbc();
			case "spring.flyway.url" -> url.jdbc();
			case "spring.r2dbc.username", "spring.flyway.user" -> url.username();
			case "spring.r2dbc.password", "spring.flyway.password" -> url.password() == null ? "" : url.password();
			case EMBEDDED -> Boolean.toString(embedded);
			default -> null;
		};
	}

	private PostgresUrl resolve() {
		PostgresUrl url = resolved;
		if (url == null) {
			synchronized (this) {
				if (resolved == null) {
					resolved = load();
				}
				url = resolved;
			}
		}
		return url;
	}

	/** The configured URL, or a {@link SettingProblem} that says how to write one. */
	static PostgresUrl parse(String configured) {
		try {
			return PostgresUrl.parse(configured);
		}
		catch (IllegalArgumentException ex) {
			throw new SettingProblem("LIFELINE_DATABASE_URL is not usable: " + ex.getMessage(),
					"Set LIFELINE_DATABASE_URL to postgresql://host:5432/database (credentials in "
							+ "LIFELINE_DATABASE_USERNAME and LIFELINE_DATABASE_PASSWORD), or unset it for the "
							+ "embedded demo database.");
		}
	}

	private PostgresUrl load() {
		String configured = environment.getProperty("lifeline.database.url");
		if (configured == null || configured.isBlank()) {
			embedded = true;
			return EmbeddedPostgresServer.url();
		}
		return parse(configured).withCredentials(environment.getProperty("lifeline.database.username"),
					environment.getProperty("lifeline.database.password"));
	}

}
