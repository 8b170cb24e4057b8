package io.lifeline.sla;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.PathIds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents}, {@code POST /api/incidents/{ticketId}/join}: the P1 war room (staff). */
@RestController
class IncidentController {

	private final Incidents incidents;

	IncidentController(Incidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/api/incidents")
	Flux<Incident> open() {
		return incidents.open();
	}

	@PostMapping("/api/incidents/{ticketId}/join")
	Mono<Incident> join(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticketId) {
		return incidents.join(user, PathIds.parse(ticketId, "Incident"));
	}

}
