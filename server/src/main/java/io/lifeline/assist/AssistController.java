package io.lifeline.assist;

import java.net.URI;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssistController {

	private final AssistService assist;

	private final AssistJoins joins;

	AssistController(AssistService assist, AssistJoins joins) {
		this.assist = assist;
		this.joins = joins;
	}

	@PostMapping("/api/tickets/{ticketId}/assist-sessions")
	Mono<ResponseEntity<AssistSession>> request(@AuthenticationPrincipal CurrentUser user,
			@PathVariable String ticketId, @RequestBody AssistRequest request) {
		return assist.request(user, PathIds.parse(ticketId, "Ticket"), request)
			.map(session -> ResponseEntity.created(URI.create("/api/assist-sessions/" + session.id())).body(session));
	}

	@GetMapping("/api/tickets/{ticketId}/assist-sessions")
	Flux<AssistSession> forTicket(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticketId) {
		return assist.forTicket(user, PathIds.parse(ticketId, "Ticket"));
	}

	/** Supervisors: the live sessions on every ticket ({@code state=live}, the default and only filter). */
	@GetMapping("/api/assist-sessions")
	Flux<AssistSession> live(@RequestParam(required = false) String state) {
		if (state != null && !state.isBlank() && !"live".equals(state.strip())) {
			throw ApiProblem.badRequest("state", "only live is supported");
		}
		return assist.live();
	}

	@GetMapping("/api/assist-sessions/{id}")
	Mono<AssistSession> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return assist.get(user, sessionId(id));
	}

	@PostMapping("/api/assist-sessions/{id}/shown")
	Mono<AssistSession> shown(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return assist.shown(user, sessionId(id));
	}

	@PostMapping("/api/assist-sessions/{id}/consent")
	Mono<AssistSession> consent(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody ScopesBody body) {
		return assist.consent(user, sessionId(id), body);
	}

	@PostMapping("/api/assist-sessions/{id}/decline")
	Mono<AssistSession> decline(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return assist.decline(user, sessionId(id));
	}

	@PostMapping("/api/assist-sessions/{id}/revoke")
	Mono<AssistSession> revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return assist.revoke(user, sessionId(id));
	}

	@PostMapping("/api/assist-sessions/{id}/end")
	Mono<AssistSession> end(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return assist.end(user, sessionId(id));
	}

	@PutMapping("/api/assist-sessions/{id}/scopes")
	Mono<AssistSession> narrow(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody ScopesBody body) {
		return assist.narrow(user, sessionId(id), body);
	}

	@PostMapping("/api/assist-sessions/{id}/join")
	Mono<JoinGrant> join(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			ServerHttpRequest request) {
		return joins.join(user, sessionId(id), request.getURI());
	}

	private static UUID sessionId(String id) {
		return PathIds.parse(id, "Assist session");
	}

}
