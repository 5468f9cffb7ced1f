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
    public static Optional<Note> skipReason(Wxr.Item item, ImportOptions options) {
        String type = item.postType().toLowerCase(Locale.ROOT);
        String status = item.status().toLowerCase(Locale.ROOT);
        switch (type) {
            case "post" -> {
            }
            case "page" -> {
                if (!options.includePages()) {
                    return Optional.of(Note.of("skip.page"));
                }
            }
            case "attachment" -> {
                return Optional.of(Note.of("skip.attachment"));
            }
            case "revision" -> {
                return Optional.of(Note.of("skip.revision"));
            }
            case "nav_menu_item" -> {
                return Optional.of(Note.of("skip.menu"));
            }
            default -> {
                return Optional.of(Note.of("skip.type", item.postType()));
            }
        }
        if ("auto-draft".equals(status)) {
            return Optional.of(Note.of("skip.autoDraft"));
        }
        if ("inherit".equals(status)) {
            return Optional.of(Note.of("skip.inherit"));
        }
        if (SHOWN.contains(status)) {
            return Optional.empty();
        }
        if (UNPUBLISHED.contains(status)) {
            return options.includeUnpublished() ? Optional.empty()
                    : Optional.of(Note.of("skip.unpublished", status));
        }
        return Optional.of(Note.of("skip.unknownStatus", item.status()));
    }
}
