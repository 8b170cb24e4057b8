package io.lifeline.sla;

import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.Priority;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sla-policies} (staff), {@code PUT /api/sla-policies/{priority}} (supervisors). */
@RestController
class SlaPolicyController {

	private final SlaPolicyRepository policies;

	private final SlaPolicyEditor editor;

	SlaPolicyController(SlaPolicyRepository policies, SlaPolicyEditor editor) {
		this.policies = policies;
		this.editor = editor;
	}

	@GetMapping("/api/sla-policies")
	Flux<SlaPolicy> policies() {
		return policies.findAll();
	}

	@PutMapping("/api/sla-policies/{priority}")
	Mono<SlaPolicy> save(@PathVariable String priority, @RequestBody SlaPolicy policy) {
		Priority target;
		try {
			target = Priority.valueOf(priority);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ApiProblem.notFound("SLA policy " + priority));
		}
		return editor.save(target, policy);
	}

}
