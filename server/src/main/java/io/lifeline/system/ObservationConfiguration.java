package io.lifeline.system;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No request observation for WebSocket upgrades ({@code /ws}, {@code /signal}): the "request" lasts as long as the
 * socket, hours, so its observation would sit in memory per connection and time nothing useful. STOMP traffic is
 * measured by the benchmark instead.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	@Bean
	ObservationPredicate noObservationOfLongLivedSockets() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier() != null && isSocket(request.getCarrier().getPath().value()));
	}

	static boolean isSocket(String path) {
		return "/ws".equals(path) || "/signal".equals(path);
	}

}
