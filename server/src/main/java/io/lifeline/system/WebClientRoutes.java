package io.lifeline.system;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The web client's entries, one per audience, reachable by their short names (the root is Boot's welcome page). */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes {

	@Bean
	RouterFunction<ServerResponse> audienceEntries() {
		return RouterFunctions.route()
			.GET("/agent", request -> redirect("/agent/index.html"))
			.GET("/agent/", request -> redirect("/agent/index.html"))
			.GET("/portal", request -> redirect("/portal/index.html"))
			.GET("/portal/", request -> redirect("/portal/index.html"))
			.GET("/wallboard", request -> redirect("/wallboard/index.html"))
			.GET("/wallboard/", request -> redirect("/wallboard/index.html"))
			.build();
	}

	private static reactor.core.publisher.Mono<ServerResponse> redirect(String path) {
		return ServerResponse.temporaryRedirect(URI.create(path)).build();
	}

}
