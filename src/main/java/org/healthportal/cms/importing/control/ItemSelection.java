package org.healthportal.cms.importing.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which items of an export become articles, and why the others do not: WordPress keeps revisions, menu items,
 * auto-drafts, reusable blocks and caches as items beside the posts.
 */
public final class ItemSelection {

    /** Statuses of posts the old site showed or was about to show. */
    private static final Set<String> SHOWN = Set.of("publish", "future");
    private static final Set<String> UNPUBLISHED = Set.of("draft", "pending", "private", "trash");

    private ItemSelection() {
    }

    /** Empty when the item becomes an article; otherwise the reason it is skipped, for the report. */
    public static Optional<String> skipReason(Wxr.Item item, ImportOptions options) {
        String type = item.postType().toLowerCase(Locale.ROOT);
        String status = item.status().toLowerCase(Locale.ROOT);
        switch (type) {
            case "post" -> {
            }
            case "page" -> {
                if (!options.includePages()) {
                    return Optional.of("page (pages not chosen)");
                }
            }
            case "attachment" -> {
                return Optional.of("attachment (goes to the media library when a post uses it)");
            }
            case "revision" -> {
                return Optional.of("revision");
            }
            case "nav_menu_item" -> {
                return Optional.of("menu item");
            }
            default -> {
                return Optional.of("item of type " + item.postType());
            }
        }
        if ("auto-draft".equals(status) || "inherit".equals(status)) {
            return Optional.of(status);
        }
        if (SHOWN.contains(status)) {
            return Optional.empty();
        }
        if (UNPUBLISHED.contains(status)) {
            return options.includeUnpublished() ? Optional.empty()
                    : Optional.of(status + " (unpublished posts not chosen)");
        }
        return Optional.of("unknown status " + item.status());
    }
}
