package io.lifeline.identity;

import java.time.Duration;

import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password and issues a token. Unknown users and wrong passwords cost the same time and get
 * the same answer, so neither tells an attacker which usernames exist.
 */
@Service
class LoginService {

	static final String WRONG_CREDENTIALS = "Wrong username or password";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final TokenService tokens;

	private final LoginThrottle throttle;

	/** Matched against when the user does not exist, so that path hashes too. */
	private final String decoyHash;

	LoginService(UserRepository users, PasswordEncoder passwords, TokenService tokens, LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
		this.throttle = throttle;
		this.decoyHash = passwords.encode("decoy-password-that-matches-nothing");
	}

	Mono<LoginResponse> login(LoginRequest request, String address) {
		String username = request.username().strip();
		var wait = throttle.retryAfter(username, address);
		if (wait.isPresent()) {
			return Mono.error(ApiProblem.tooManyRequests("Too many failed logins; try again later",
					seconds(wait.get())));
		}
		return users.findByUsername(username)
			.map(stored -> new Candidate(stored.user(), stored.passwordHash()))
			.defaultIfEmpty(new Candidate(null, decoyHash))
			// BCrypt is deliberately slow: keep it off the event loop.
			.publishOn(Schedulers.boundedElastic())
			.filter(candidate -> passwords.matches(request.password(), candidate.passwordHash())
					&& candidate.user() != null)
			.map(candidate -> {
				throttle.succeeded(username);
				TokenService.IssuedToken token = tokens.issue(candidate.user());
				return new LoginResponse(token.token(), token.expiresAt(), candidate.user());
			})
			.switchIfEmpty(Mono.defer(() -> {
				throttle.failed(username, address);
				return Mono.error(ApiProblem.unauthorized(WRONG_CREDENTIALS));
			}));
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	private record Candidate(User user, String passwordHash) {
	}

}
