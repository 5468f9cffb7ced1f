package org.healthportal.cms.importing.control;

/**
 * What the person importing chose: pages as well as posts, unpublished posts (drafts, pending, private, trashed) as
 * drafts too, everything submitted for review rather than left as drafts. Nothing is ever published by an import.
 */
public record ImportOptions(boolean includePages, boolean includeUnpublished, boolean submitForReview) {

    public static final ImportOptions DEFAULTS = new ImportOptions(false, false, false);
}
