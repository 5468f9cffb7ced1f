package org.healthportal.cms.site.control;

import java.time.Instant;

/** A live revision as the search index takes it; the body is sanitized HTML. */
public record SearchDocument(Long articleId, Long revisionId, String slug, String title, String summary, String body,
                             Instant publishedAt, Long categoryId) {
}
