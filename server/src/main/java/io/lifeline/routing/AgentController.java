package io.lifeline.routing;

import java.util.List;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/agents} (staff) and {@code PUT /api/agents/me/status} (agents and supervisors). */
@RestController
@RequestMapping("/api/agents")
class AgentController {

	private final AgentDirectory agents;

	AgentController(AgentDirectory agents) {
		this.agents = agents;
	}

	@GetMapping
	Flux<Agent> agents() {
		return agents.agents();
	}

	@PutMapping("/me/status")
	Mono<Agent> status(@AuthenticationPrincipal CurrentUser user, @RequestBody(required = false) StatusBody body) {
		AgentStatus status = parse(body == null ? null : body.status());
		return agents.set(user.id(), status);
	}

	private static AgentStatus parse(String value) {
		if (value == null) {
			throw ApiProblem.badRequest("status", "is required: one of " + List.of(AgentStatus.values()));
		}
		try {
			return AgentStatus.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.badRequest("status", "must be one of " + List.of(AgentStatus.values()));
		}
	}

	record StatusBody(String status) {
	}

}
