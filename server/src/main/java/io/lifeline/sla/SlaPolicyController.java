package io.lifeline.sla;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaPolicyController {

	private final SlaPolicyRepository policies;

	SlaPolicyController(SlaPolicyRepository policies) {
		this.policies = policies;
	}

	@GetMapping("/api/sla-policies")
	Flux<SlaPolicy> policies() {
		return policies.findAll();
	}

}
