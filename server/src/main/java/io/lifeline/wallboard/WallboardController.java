package io.lifeline.wallboard;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.Role;
import io.lifeline.identity.TokenService;
import io.lifeline.identity.User;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/wallboard} (supervisors, wall-board tokens, agents when allowed) and
 * {@code POST /api/wallboard/tokens} (supervisors): a read-only token for a screen on the wall.
 */
@RestController
@RequestMapping("/api/wallboard")
class WallboardController {

	private final WallboardFeed feed;

	private final WallboardProperties properties;

	private final TokenService tokens;

	WallboardController(WallboardFeed feed, WallboardProperties properties, TokenService tokens) {
		this.feed = feed;
		this.properties = properties;
		this.tokens = tokens;
	}

	@GetMapping
	Mono<WallboardSnapshot> wallboard(@AuthenticationPrincipal CurrentUser user) {
		if (user.role() == Role.AGENT && !properties.agentsAllowed()) {
			return Mono.error(ApiProblem.forbidden("The wall board is for supervisors"));
		}
		return feed.snapshot();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	WallboardToken token(@AuthenticationPrincipal CurrentUser user) {
		User screen = new User(UUID.randomUUID(), "wallboard", "Wall board (" + user.displayName() + ")",
				Role.WALLBOARD);
		TokenService.IssuedToken issued = tokens.issue(screen, properties.tokenTtl());
		return new WallboardToken(issued.token(), "/wallboard/#token=" + issued.token(), issued.expiresAt());
	}

	/** {@code {token, url, expiresAt}}: the url opens the wall board with the token, no login needed. */
	record WallboardToken(String token, String url, Instant expiresAt) {
	}

}
