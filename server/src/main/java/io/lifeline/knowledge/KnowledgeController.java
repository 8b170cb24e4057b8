package io.lifeline.knowledge;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import io.lifeline.system.QueryParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/kb}: articles, search, knowledge tasks, deflections and the knowledge KPIs. */
@RestController
@RequestMapping("/api/kb")
class KnowledgeController {

	private final ArticleService articles;

	private final KbLinks links;

	private final KnowledgeTasks tasks;

	private final Deflections deflections;

	private final java.time.Clock clock;

	KnowledgeController(ArticleService articles, KbLinks links, KnowledgeTasks tasks, Deflections deflections,
			java.time.Clock clock) {
		this.articles = articles;
		this.links = links;
		this.tasks = tasks;
		this.deflections = deflections;
		this.clock = clock;
	}

	@PostMapping("/articles")
	Mono<ResponseEntity<Article>> create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody ArticleRequest request) {
		return articles.create(user, request)
			.map(article -> ResponseEntity.created(URI.create("/api/kb/articles/" + article.id()))
				.eTag("\"" + article.version() + "\"")
				.body(article));
	}

	@GetMapping("/articles")
	Flux<Article> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String module,
			@RequestParam(required = false) String limit) {
		return articles.list(user, module == null || module.isBlank() ? null : module.strip(),
				QueryParams.intBetween("limit", limit, 100, 1, 500));
	}

	@GetMapping("/articles/{id}")
	Mono<ResponseEntity<Article>> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return articles.get(user, PathIds.parse(id, "Article"))
			.map(article -> ResponseEntity.ok().eTag("\"" + article.version() + "\"").body(article));
	}

	/** {@code If-Match} is optional here: with it a stale version is a 409, without it the last write wins. */
	@PutMapping("/articles/{id}")
	Mono<ResponseEntity<Article>> update(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ArticleRequest request) {
		return articles.update(user, PathIds.parse(id, "Article"), version(ifMatch), request)
			.map(article -> ResponseEntity.ok().eTag("\"" + article.version() + "\"").body(article));
	}

	@GetMapping("/articles/{id}/tickets")
	Flux<Map<String, Object>> tickets(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		UUID articleId = PathIds.parse(id, "Article");
		return articles.get(user, articleId).thenMany(links.ticketsOf(articleId, 100));
	}

	@GetMapping("/search")
	Mono<List<SearchHit>> search(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit) {
		return articles.search(user, q, QueryParams.intBetween("limit", limit, 5, 1, 50));
	}

	@GetMapping("/tasks")
	Flux<KnowledgeTask> tasks(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String state) {
		return tasks.list(user, "me".equals(assignee), !"all".equals(state));
	}

	@PostMapping("/tasks/{id}/dismiss")
	Mono<KnowledgeTask> dismiss(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return tasks.dismiss(user, PathIds.parse(id, "Task"));
	}

	@PostMapping("/deflections")
	Mono<ResponseEntity<Map<String, Object>>> deflect(@AuthenticationPrincipal CurrentUser user,
			@RequestBody DeflectionBody body) {
		if (body == null || body.articleId() == null) {
			throw ApiProblem.badRequest("articleId", "is required");
		}
		return deflections.record(user, body.articleId(), body.query())
			.map(counted -> ResponseEntity.status(counted ? HttpStatus.CREATED : HttpStatus.OK)
				.body(Map.of("articleId", body.articleId(), "counted", counted)));
	}

	@GetMapping("/stats")
	Mono<Map<String, Object>> stats(@RequestParam(required = false) String from) {
		Instant since;
		try {
			since = from == null || from.isBlank() ? clock.instant().minus(Duration.ofDays(30)) : Instant.parse(from);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("from", "must be an ISO-8601 instant");
		}
		return deflections.stats(since);
	}

	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.badRequest("If-Match", "must be the article's version");
		}
	}

	record DeflectionBody(UUID articleId, String query) {
	}

}
