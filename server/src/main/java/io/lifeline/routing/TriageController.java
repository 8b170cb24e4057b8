package io.lifeline.routing;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/triage/rules} (staff), {@code PUT /api/triage/rules} (supervisors): the whole list at once. */
@RestController
@RequestMapping("/api/triage/rules")
class TriageController {

	private final TriageRules rules;

	TriageController(TriageRules rules) {
		this.rules = rules;
	}

	@GetMapping
	Mono<List<TriageRule>> rules() {
		return rules.rules().collectList();
	}

	@PutMapping
	Mono<List<TriageRule>> replace(@RequestBody List<TriageRule> body) {
		return rules.replace(body);
	}

}
