package io.lifeline.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Writes, reads and searches articles. Customers see published articles only; a draft is absent to them. */
@Service
class ArticleService {

	static final int MAX_QUERY = 2_000;

	/** Below this a hit shares too little with the query to be worth showing. */
	static final double MIN_SCORE = 0.05;

	private final ArticleRepository articles;

	private final KbLinks links;

	private final TransactionalOperator transaction;

	private final Clock clock;

	ArticleService(ArticleRepository articles, KbLinks links, TransactionalOperator transaction, Clock clock) {
		this.articles = articles;
		this.links = links;
		this.transaction = transaction;
		this.clock = clock;
	}

	Mono<Article> create(CurrentUser user, ArticleRequest request) {
		ArticleRequest.Valid article = request.validated();
		UUID id = UUID.randomUUID();
		Instant now = now();
		return articles.insert(id, article, user.id(), now, terms(article))
			.then(article.sourceTicketId() == null ? Mono.empty()
					: links.link(user, article.sourceTicketId(), id).then())
			.then(articles.find(id))
			.as(transaction::transactional);
	}

	Mono<Article> update(CurrentUser user, UUID id, Long expectedVersion, ArticleRequest request) {
		ArticleRequest.Valid article = request.validated();
		Instant now = now();
		return articles.lock(id)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Article " + id)))
			.flatMap(current -> {
				if (expectedVersion != null && current.version() != expectedVersion) {
					return Mono.error(ApiProblem
						.versionConflict("The article is at version " + current.version() + ", not " + expectedVersion)
						.with("current", current));
				}
				return articles.update(id, article, user.id(), now, terms(article))
					.then(article.sourceTicketId() == null ? Mono.empty()
							: links.link(user, article.sourceTicketId(), id).then())
					.then(articles.find(id));
			})
			.as(transaction::transactional);
	}

	Mono<Article> get(CurrentUser user, UUID id) {
		return articles.find(id)
			.filter(article -> article.isVisibleTo(user))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Article " + id)));
	}

	Flux<Article> list(CurrentUser user, String module, int limit) {
		return articles.list(!user.isStaff(), module, limit);
	}

	Mono<List<SearchHit>> search(CurrentUser user, String q, int limit) {
		if (q == null || q.isBlank()) {
			return Mono.just(List.of());
		}
		if (q.length() > MAX_QUERY) {
			throw ApiProblem.badRequest("q", "at most " + MAX_QUERY + " characters");
		}
		List<String> query = Terms.of(q);
		if (query.isEmpty()) {
			return Mono.just(List.of());
		}
		boolean publishedOnly = !user.isStaff();
		return Mono.zip(articles.candidates(query, Relevance.prefixes(query), publishedOnly).collectList(),
				articles.count(publishedOnly))
			.map(found -> Ranking.rank(query, found.getT1(), found.getT2(), a -> Terms.of(a.title()),
					Article::terms, MIN_SCORE)
				.stream()
				.limit(limit)
				.map(scored -> hit(scored.item(), scored.score(), query))
				.toList());
	}

	private static SearchHit hit(Article article, double score, List<String> query) {
		return new SearchHit(article.id(), article.title(),
				Snippets.of(query, article.symptoms(), article.solution(), article.cause()),
				Math.round(score * 1000) / 1000.0, article.status(), article.module(), article.faultType());
	}

	private static List<String> terms(ArticleRequest.Valid article) {
		return Terms.of(article.title(), article.module(), article.faultType(), article.symptoms(), article.cause(),
				article.solution());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
