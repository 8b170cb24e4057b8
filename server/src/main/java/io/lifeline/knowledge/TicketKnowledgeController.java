package io.lifeline.knowledge;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import io.lifeline.system.QueryParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's knowledge: {@code /api/tickets/{id}/kb-links} and {@code /api/tickets/{id}/similar} (staff). */
@RestController
class TicketKnowledgeController {

	private final KbLinks links;

	private final SimilarTickets similar;

	private final TransactionalOperator transaction;

	TicketKnowledgeController(KbLinks links, SimilarTickets similar, TransactionalOperator transaction) {
		this.links = links;
		this.similar = similar;
		this.transaction = transaction;
	}

	/** 201 with the link; 200 with the existing one when the article was already linked. */
	@PostMapping("/api/tickets/{id}/kb-links")
	Mono<ResponseEntity<KbLink>> link(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody LinkBody body) {
		UUID ticketId = PathIds.parse(id, "Ticket");
		if (body == null || body.articleId() == null) {
			throw ApiProblem.badRequest("articleId", "is required");
		}
		return links.link(user, ticketId, body.articleId())
			.as(transaction::transactional)
			.map(linked -> linked.created()
					? ResponseEntity.created(URI.create("/api/tickets/" + ticketId + "/kb-links")).body(linked.link())
					: ResponseEntity.ok(linked.link()));
	}

	@GetMapping("/api/tickets/{id}/kb-links")
	Flux<KbLink> links(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		UUID ticketId = PathIds.parse(id, "Ticket");
		return links.ofTicket(ticketId);
	}

	@GetMapping("/api/tickets/{id}/similar")
	Mono<List<SimilarTickets.SimilarTicket>> similar(@AuthenticationPrincipal CurrentUser user,
			@PathVariable String id, @RequestParam(required = false) String limit) {
		return similar.of(user, PathIds.parse(id, "Ticket"), QueryParams.intBetween("limit", limit, 5, 1, 50));
	}

	record LinkBody(UUID articleId) {
	}

}
