package org.healthportal.cms.content.entity;

/** Fired after any change to an article commits, for caches and listeners that follow the public site. */
public record ArticleChanged(Long articleId, String slug, boolean live) {
}
