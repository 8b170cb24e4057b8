package io.lifeline.knowledge;

import java.util.UUID;

/** {@code GET /api/kb/search}: {@code {id, title, snippet, score}} plus the article's status, module and fault type. */
record SearchHit(UUID id, String title, String snippet, double score, ArticleStatus status, String module,
		String faultType) {
}
