package org.healthportal.cms.importing.control;

import java.util.ArrayList;
import java.util.List;

/**
 * What the person importing chose: pages as well as posts, unpublished posts (drafts, pending, private, trashed) as
 * drafts too, everything submitted for review rather than left as drafts, images fetched from the old site where
 * the uploads zip lacks them, and the account that gets the posts of authors without one here (blank: whoever
 * imports). Nothing is ever published by an import.
 */
public record ImportOptions(boolean includePages, boolean includeUnpublished, boolean submitForReview,
                            boolean fetchImages, String authorAccount) {

    public static final ImportOptions DEFAULTS = new ImportOptions(false, false, false, false, null);

    public ImportOptions(boolean includePages, boolean includeUnpublished, boolean submitForReview) {
        this(includePages, includeUnpublished, submitForReview, false, null);
    }

    public ImportOptions {
        authorAccount = authorAccount == null || authorAccount.isBlank() ? null : authorAccount.strip();
    }

    /** The choices in a few words, for the job's record. */
    public String describe() {
        List<String> chosen = new ArrayList<>();
        if (includePages) {
            chosen.add("pages");
        }
        if (includeUnpublished) {
            chosen.add("unpublished");
        }
        if (submitForReview) {
            chosen.add("submit");
        }
        if (fetchImages) {
            chosen.add("fetch-images");
        }
        if (authorAccount != null) {
            chosen.add("author=" + authorAccount);
        }
        return chosen.isEmpty() ? "defaults" : String.join(",", chosen);
    }
}
