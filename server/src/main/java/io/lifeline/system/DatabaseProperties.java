package io.lifeline.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. Read by {@link DatabasePropertySource}; declared here so the settings are documented.
 *
 * @param url {@code postgresql://host:5432/database} ({@code LIFELINE_DATABASE_URL}); empty runs an embedded
 * PostgreSQL inside the process (the demo default)
 * @param username the database user ({@code LIFELINE_DATABASE_USERNAME})
 * @param password the database password ({@code LIFELINE_DATABASE_PASSWORD})
 * @param embedded set by Lifeline itself: whether the embedded PostgreSQL is in use
 */
@ConfigurationProperties("lifeline.database")
public record DatabaseProperties(String url, String username, String password, boolean embedded) {
}
