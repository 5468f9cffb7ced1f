package org.healthportal.cms.content.entity;

/**
 * Fired after any change to an article commits, for caches and listeners that follow the public site.
 * {@code publicPage} is true when the public page shows something new even if its live revision stayed the same
 * (a correction notice, a review date, an overdue notice).
 */
public record ArticleChanged(Long articleId, String slug, boolean live, boolean publicPage) {
}
