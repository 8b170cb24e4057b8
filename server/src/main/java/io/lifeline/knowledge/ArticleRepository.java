package io.lifeline.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.tickets.Party;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The {@code kb_articles} table. */
@Repository
class ArticleRepository {

	static final int MAX_CANDIDATES = 500;

	private static final String SELECT = """
			select a.*, au.display_name as author_name, ed.display_name as editor_name
			from kb_articles a
			join users au on au.id = a.author_id
			join users ed on ed.id = a.editor_id
			""";

	private final DatabaseClient db;

	ArticleRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Article> find(UUID id) {
		return db.sql(SELECT + " where a.id = :id").bind("id", id).map(ArticleRepository::article).one();
	}

	Mono<Article> lock(UUID id) {
		return db.sql(SELECT + " where a.id = :id for update of a").bind("id", id).map(ArticleRepository::article)
			.one();
	}

	Flux<Article> list(boolean publishedOnly, String module, int limit) {
		DatabaseClient.GenericExecuteSpec spec = db.sql(SELECT + """
				 where (a.status = 'PUBLISHED' or not :publishedOnly)
				   and (cast(:module as text) is null or a.module = :module)
				 order by a.updated_at desc limit :limit""")
			.bind("publishedOnly", publishedOnly)
			.bind("limit", limit);
		spec = module == null ? spec.bindNull("module", String.class) : spec.bind("module", module);
		return spec.map(ArticleRepository::article).all();
	}

	Mono<Void> insert(UUID id, ArticleRequest.Valid article, UUID authorId, Instant at, List<String> terms) {
		return bindFields(db.sql("""
				insert into kb_articles (id, title, module, fault_type, symptoms, cause, solution, status, author_id,
				                         editor_id, created_at, updated_at, published_at, version, terms)
				values (:id, :title, :module, :faultType, :symptoms, :cause, :solution, :status, :author, :author,
				        :at, :at, :publishedAt, 1, :terms)"""), article, terms, at)
			.bind("id", id)
			.bind("author", authorId)
			.bind("at", at)
			.then();
	}

	Mono<Void> update(UUID id, ArticleRequest.Valid article, UUID editorId, Instant at, List<String> terms) {
		return bindFields(db.sql("""
				update kb_articles set title = :title, module = :module, fault_type = :faultType,
				       symptoms = :symptoms, cause = :cause, solution = :solution, status = :status, editor_id = :editor,
				       updated_at = :at, version = version + 1, terms = :terms,
				       published_at = case when :status = 'PUBLISHED' then coalesce(published_at, :publishedAt) end
				where id = :id"""), article, terms, at)
			.bind("id", id)
			.bind("editor", editorId)
			.bind("at", at)
			.then();
	}

	/**
	 * Articles holding any of the terms, or a word starting with one of the prefixes; with how many such articles
	 * there are in all (the collection's size, for rarity weights).
	 */
	Flux<Article> candidates(List<String> terms, List<String> prefixes, boolean publishedOnly) {
		return db.sql(SELECT + """
				 where (a.status = 'PUBLISHED' or not :publishedOnly)
				   and (a.terms && :terms
				        or exists (select 1 from unnest(a.terms) t where t like any(:prefixes)))
				 order by a.updated_at desc limit :limit""")
			.bind("publishedOnly", publishedOnly)
			.bind("terms", terms.toArray(String[]::new))
			.bind("prefixes", prefixes.stream().map(p -> p + "%").toArray(String[]::new))
			.bind("limit", MAX_CANDIDATES)
			.map(ArticleRepository::article)
			.all();
	}

	Mono<Long> count(boolean publishedOnly) {
		return db.sql("select count(*) as n from kb_articles where status = 'PUBLISHED' or not :publishedOnly")
			.bind("publishedOnly", publishedOnly)
			.map(row -> row.get("n", Long.class))
			.one();
	}

	private static DatabaseClient.GenericExecuteSpec bindFields(DatabaseClient.GenericExecuteSpec spec,
			ArticleRequest.Valid article, List<String> terms, Instant at) {
		spec = spec.bind("title", article.title())
			.bind("symptoms", article.symptoms())
			.bind("cause", article.cause())
			.bind("solution", article.solution())
			.bind("status", article.status().name())
			.bind("terms", terms.toArray(String[]::new));
		spec = article.module() == null ? spec.bindNull("module", String.class) : spec.bind("module", article.module());
		spec = article.faultType() == null ? spec.bindNull("faultType", String.class)
				: spec.bind("faultType", article.faultType());
		return article.status() == ArticleStatus.PUBLISHED ? spec.bind("publishedAt", at)
				: spec.bindNull("publishedAt", Instant.class);
	}

	private static Article article(Readable row) {
		return new Article(row.get("id", UUID.class), row.get("title", String.class), row.get("module", String.class),
				row.get("fault_type", String.class), row.get("symptoms", String.class), row.get("cause", String.class),
				row.get("solution", String.class), ArticleStatus.valueOf(row.get("status", String.class)),
				new Party(row.get("author_id", UUID.class), row.get("author_name", String.class)),
				new Party(row.get("editor_id", UUID.class), row.get("editor_name", String.class)),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
				row.get("published_at", Instant.class), row.get("version", Long.class));
	}

}
