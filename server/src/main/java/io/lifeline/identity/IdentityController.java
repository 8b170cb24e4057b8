package io.lifeline.identity;

import java.net.InetSocketAddress;

import io.lifeline.system.ApiProblem;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
@RequestMapping("/api")
class IdentityController {

	private final LoginService logins;

	private final UserRepository users;

	IdentityController(LoginService logins, UserRepository users) {
		this.logins = logins;
		this.users = users;
	}

	@PostMapping("/auth/login")
	Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
		return logins.login(request, address(exchange));
	}

	@GetMapping("/me")
	Mono<User> me(@AuthenticationPrincipal CurrentUser user) {
		return users.findById(user.id())
			.switchIfEmpty(Mono.error(() -> ApiProblem.unauthorized("This account no longer exists")));
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
