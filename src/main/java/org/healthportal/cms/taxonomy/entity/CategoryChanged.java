package org.healthportal.cms.taxonomy.entity;

/** Fired after a category is created, renamed, moved or removed, for caches that show the tree. */
public record CategoryChanged(Long categoryId) {
}
