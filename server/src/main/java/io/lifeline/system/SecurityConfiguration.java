package io.lifeline.system;

import io.lifeline.identity.CurrentUserAuthentication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Who may call what. The API is stateless (a bearer token on every call, no cookies, so no CSRF surface); each
 * {@code /api} route is guarded by role here, and features check ownership (a customer's own tickets) themselves.
 * {@code /ws} and {@code /signal} authenticate inside their own protocols.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	private static final String[] ANY_ROLE = { "AGENT", "SUPERVISOR", "CUSTOMER" };

	private static final String[] STAFF = { "AGENT", "SUPERVISOR" };

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemWriter problems) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> {
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
			return problems.write(exchange.getResponse(),
					ApiProblem.unauthorized("A valid login token is required: Authorization: Bearer <token>")
						.getBody());
		};
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.write(exchange.getResponse(),
				ApiProblem.forbidden("Your role may not do this").getBody());
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(routes -> routes
				.pathMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
				.pathMatchers("/api/me").hasAnyRole(ANY_ROLE)
				.pathMatchers(HttpMethod.POST, "/api/tickets/*/assist-sessions").hasAnyRole(STAFF)
				.pathMatchers("/api/tickets/*/kb-links", "/api/tickets/*/similar").hasAnyRole(STAFF)
				.pathMatchers(HttpMethod.GET, "/api/kb/search", "/api/kb/articles", "/api/kb/articles/*")
				.hasAnyRole(ANY_ROLE)
				.pathMatchers(HttpMethod.POST, "/api/kb/deflections").hasAnyRole(ANY_ROLE)
				.pathMatchers("/api/kb/stats").hasRole("SUPERVISOR")
				.pathMatchers("/api/kb/**").hasAnyRole(STAFF)
				.pathMatchers(HttpMethod.GET, "/api/triage/rules").hasAnyRole(STAFF)
				.pathMatchers("/api/triage/**").hasRole("SUPERVISOR")
				.pathMatchers("/api/tickets", "/api/tickets/**").hasAnyRole(ANY_ROLE)
				.pathMatchers(HttpMethod.GET, "/api/assist-sessions").hasRole("SUPERVISOR")
				.pathMatchers("/api/assist-sessions/**").hasAnyRole(ANY_ROLE)
				.pathMatchers("/api/attachments/**").hasAnyRole(ANY_ROLE)
				.pathMatchers("/api/time").hasAnyRole("AGENT", "SUPERVISOR", "CUSTOMER", "WALLBOARD")
				.pathMatchers(HttpMethod.GET, "/api/sla-policies", "/api/calendars", "/api/escalation-groups")
				.hasAnyRole(STAFF)
				.pathMatchers("/api/sla-policies/**", "/api/calendars/**", "/api/escalation-groups/**")
				.hasRole("SUPERVISOR")
				.pathMatchers("/api/incidents", "/api/incidents/**").hasAnyRole(STAFF)
				// A wall-board token (role WALLBOARD) reads the wall board and nothing else.
				.pathMatchers(HttpMethod.GET, "/api/wallboard").hasAnyRole("SUPERVISOR", "AGENT", "WALLBOARD")
				.pathMatchers("/api/wallboard/**", "/api/reports/**").hasRole("SUPERVISOR")
				.pathMatchers(HttpMethod.PUT, "/api/agents/me/status").hasAnyRole(STAFF)
				.pathMatchers(HttpMethod.PUT, "/api/agents/*/profile").hasRole("SUPERVISOR")
				.pathMatchers("/api/agents", "/api/agents/**").hasAnyRole(STAFF)
				.pathMatchers("/api/**").hasAnyRole(ANY_ROLE)
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.pathMatchers("/actuator/**").denyAll()
				.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtAuthenticationConverter(CurrentUserAuthentication.fromToken()))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
							+ "style-src 'self' 'unsafe-inline'; media-src 'self' blob:; frame-ancestors 'none'")))
			.build();
	}

}
