package org.healthportal.cms.importing.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a WordPress export (WXR 1.0–1.2) holds, element by element, as {@link WxrReader} hands it on. */
public final class Wxr {

    private Wxr() {
    }

    /** The channel's own facts; {@code baseSiteUrl} with the post ids makes an item's identity. */
    public record Site(String title, String link, String baseSiteUrl, String wxrVersion) {
    }

    /** {@code wp:author}: the login maps to an account, the display name becomes the byline. */
    public record Author(String login, String email, String displayName) {
    }

    /**
     * {@code wp:category} (with its parent's slug, blank at the top) or {@code wp:tag} (no parent); {@code termId}
     * is WordPress's id of it, 0 when the export lacks one.
     */
    public record Term(String slug, String name, String parentSlug, long termId) {

        public Term(String slug, String name, String parentSlug) {
            this(slug, name, parentSlug, 0);
        }
    }

    /** A category or tag an item carries: {@code domain} is "category" or "post_tag". */
    public record ItemTerm(String domain, String slug, String name) {
    }

    /**
     * One {@code item}: a post, page, attachment, revision, menu item… ({@code postType}); {@code date} is the
     * post's time in UTC (from {@code post_date_gmt}, else {@code pubDate}), null for a draft that never had one.
     */
    public record Item(long postId, String postType, String status, String title, String link, String slug,
                       String creator, String content, String excerpt, Instant date, long parentId,
                       String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta) {

        public List<String> categorySlugs() {
            return terms.stream().filter(t -> "category".equals(t.domain())).map(ItemTerm::slug).toList();
        }

        public List<String> tagNames() {
            return terms.stream().filter(t -> "post_tag".equals(t.domain())).map(ItemTerm::name).toList();
        }

        /** The featured image's attachment id ({@code _thumbnail_id}), 0 when none. */
        public long thumbnailId() {
            try {
                return Long.parseLong(meta.getOrDefault("_thumbnail_id", "0").strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** An attachment's alt text ({@code _wp_attachment_image_alt}), blank when WordPress had none. */
        public String altText() {
            return meta.getOrDefault("_wp_attachment_image_alt", "").strip();
        }
    }

    /** Receives the export in file order; the channel's {@link Site} comes before any item. */
    public interface Handler {
        default void site(Site site) {
        }

        default void author(Author author) {
        }

        default void category(Term category) {
        }

        default void tag(Term tag) {
        }

        default void item(Item item) {
        }
    }
}
