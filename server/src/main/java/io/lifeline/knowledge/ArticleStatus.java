package io.lifeline.knowledge;

/** A draft is for staff only; customers see published articles. */
enum ArticleStatus {

	DRAFT, PUBLISHED

}
