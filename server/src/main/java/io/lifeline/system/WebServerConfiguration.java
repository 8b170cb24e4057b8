package io.lifeline.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.handler.timeout.WriteTimeoutHandler;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Netty settings of our own. */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	/**
	 * A connection whose peer stops reading is closed once a write has waited {@code write-timeout}: otherwise a
	 * stalled client (a dropped slow consumer, a frozen tab) holds its socket and buffers forever.
	 */
	@Bean
	NettyServerCustomizer writeTimeout(ServerProperties properties) {
		long millis = properties.writeTimeout().toMillis();
		return server -> server.doOnConnection(connection -> connection
			.addHandlerFirst(new WriteTimeoutHandler(millis, TimeUnit.MILLISECONDS)));
	}

	/**
	 * @param writeTimeout how long one write may wait for a peer that does not read; default
	 * {@link #DEFAULT_WRITE_TIMEOUT}
	 */
	@ConfigurationProperties("lifeline.server")
	record ServerProperties(Duration writeTimeout) {

		static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

		ServerProperties {
			writeTimeout = writeTimeout == null ? DEFAULT_WRITE_TIMEOUT : writeTimeout;
		}

	}

}
