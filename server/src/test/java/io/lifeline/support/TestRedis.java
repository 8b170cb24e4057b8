package io.lifeline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis for tests: the one named by {@code LIFELINE_TEST_REDIS_URL} when set (for example
 * {@code redis://127.0.0.1:6379}), else a {@code redis-server} started once per JVM on a free port. Tests give
 * their pub/sub channel a unique name, so runs sharing one Redis do not hear each other.
 */
public final class TestRedis {

	public static final String ENV = "LIFELINE_TEST_REDIS_URL";

	private static String url;

	private TestRedis() {
	}

	public static synchronized String url() {
		if (url == null) {
			String configured = System.getenv(ENV);
			url = (configured != null && !configured.isBlank()) ? configured : embedded();
		}
		return url;
	}

	public static int port() {
		return java.net.URI.create(url()).getPort();
	}

	private static String embedded() {
		try {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// the JVM is going away either way
				}
			}));
			return "redis://127.0.0.1:" + port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded Redis for the tests", ex);
		}
	}

}
