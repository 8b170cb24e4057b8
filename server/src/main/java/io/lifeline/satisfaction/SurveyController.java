package io.lifeline.satisfaction;

import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/tickets/{id}/survey}: 201 the first answer, 200 a replacement; {@code GET}: the answer or 404. */
@RestController
class SurveyController {

	private final SurveyService surveys;

	SurveyController(SurveyService surveys) {
		this.surveys = surveys;
	}

	@PostMapping("/api/tickets/{id}/survey")
	Mono<ResponseEntity<Survey>> submit(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody(required = false) SurveyAnswer answer) {
		if (answer == null) {
			return Mono.error(ApiProblem.badRequest("csat", "is required: a whole number from 1 to 5"));
		}
		UUID ticketId = PathIds.parse(id, "Ticket");
		return surveys.submit(user, ticketId, answer)
			.map(done -> ResponseEntity.status(done.first() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(done.survey()));
	}

	@GetMapping("/api/tickets/{id}/survey")
	Mono<Survey> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		UUID ticketId = PathIds.parse(id, "Ticket");
		return surveys.get(user, ticketId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Survey of ticket " + id)));
	}

}
