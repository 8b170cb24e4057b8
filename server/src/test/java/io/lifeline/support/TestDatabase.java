package io.lifeline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.lifeline.system.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for integration tests: the server named by {@code LIFELINE_TEST_POSTGRES_URL} when it is set
 * (for example {@code postgresql://postgres@127.0.0.1:5432/postgres}), else an embedded one started once per JVM.
 * Every call to {@link #fresh()} creates a new, empty database on it, so test runs never see each other's data.
 */
public final class TestDatabase {

	public static final String ENV = "LIFELINE_TEST_POSTGRES_URL";

	private static PostgresUrl server;

	private TestDatabase() {
	}

	public static synchronized PostgresUrl fresh() {
		PostgresUrl admin = server();
		String name = "lifeline_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
				+ "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
		execute(admin, "create database " + name);
		PostgresUrl database = admin.withDatabase(name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> execute(admin, "drop database if exists " + name + " with (force)")));
		return database;
	}

	private static PostgresUrl server() {
		if (server == null) {
			String configured = System.getenv(ENV);
			server = (configured != null && !configured.isBlank()) ? PostgresUrl.parse(configured) : embedded();
		}
		return server;
	}

	private static PostgresUrl embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away either way
				}
			}));
			return new PostgresUrl("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static void execute(PostgresUrl url, String sql) {
		Properties props = new Properties();
		if (url.username() != null) {
			props.setProperty("user", url.username());
		}
		if (url.password() != null) {
			props.setProperty("password", url.password());
		}
		try (Connection connection = DriverManager.getConnection(url.jdbc(), props);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url.plain(), ex);
		}
	}

}
