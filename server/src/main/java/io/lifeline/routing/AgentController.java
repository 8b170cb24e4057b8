package io.lifeline.routing;

import java.util.List;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agents} (staff), {@code PUT /api/agents/me/status} (agents and supervisors) and
 * {@code PUT /api/agents/{id}/profile} (supervisors).
 */
@RestController
@RequestMapping("/api/agents")
class AgentController {

	private final AgentDirectory agents;

	private final AgentProfiles profiles;

	AgentController(AgentDirectory agents, AgentProfiles profiles) {
		this.agents = agents;
		this.profiles = profiles;
	}

	/** Each agent with their routing profile ({@code skills, tier, capacity}) and open tickets ({@code load}). */
	@GetMapping
	Flux<AgentView> agents() {
		return Mono.zip(profiles.all(), profiles.loads())
			.flatMapMany(found -> agents.agents().map(agent -> AgentView.of(agent,
					found.getT1().get(agent.id()), found.getT2().getOrDefault(agent.id(), 0L))));
	}

	@PutMapping("/{id}/profile")
	Mono<AgentProfile> profile(@PathVariable String id, @RequestBody(required = false) AgentProfiles.ProfileBody body) {
		return profiles.put(PathIds.parse(id, "Agent"), body);
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
