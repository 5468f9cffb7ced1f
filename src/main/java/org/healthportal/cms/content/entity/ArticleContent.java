package org.healthportal.cms.content.entity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * What an editor writes: the part of a revision a review signs off. Validated on construction, so a revision
 * never holds content that breaks the limits. The body must already be sanitized.
 */
public record ArticleContent(String title, String summary, String body, Category category, String source,
                             String byline, String audience, List<Reference> references) {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 1000;
    public static final int BODY_MAX = 200_000;

    public static final int META_MAX = 200;

    /** Text only: no source, author, audience or references yet (a draft may wait for them). */
    public ArticleContent(String title, String summary, String body, Category category) {
        this(title, summary, body, category, null, null, null, List.of());
    }

    public ArticleContent {
        title = required("title", title, TITLE_MAX);
        source = optional("source", source);
        byline = optional("byline", byline);
        audience = optional("audience", audience);
        references = references == null ? List.of() : List.copyOf(references);
        summary = required("summary", summary, SUMMARY_MAX);
        body = required("body", body, BODY_MAX);
        if (category == null) {
            throw new CmsException.InvalidInput("categoryId is required").withKey("error.required.category");
        }
    }

    private static String required(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new CmsException.InvalidInput(field + " is required").withKey("error.required." + field);
        }
        if (trimmed.length() > max) {
            throw new CmsException.InvalidInput(field + " is too long: " + trimmed.length()
                    + " characters, at most " + max)
                    .withKey("error.tooLong." + field, max);
        }
        return trimmed;
    }

    private static String optional(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > META_MAX) {
            throw new CmsException.InvalidInput(field + " is too long: at most " + META_MAX + " characters")
                    .withKey("error.tooLong." + field, META_MAX);
        }
        return v.isEmpty() ? null : v;
    }

    /** What review needs beyond the text: the names of the missing parts, empty when complete. */
    public List<String> missingForReview() {
        List<String> missing = new ArrayList<>();
        if (source == null) {
            missing.add("source");
        }
        if (byline == null) {
            missing.add("byline");
        }
        if (audience == null) {
            missing.add("audience");
        }
        if (references.isEmpty()) {
            missing.add("references");
        }
        return missing;
    }

    /** SHA-256 over everything a reviewer approves; an approval is bound to this value. */
    public String hash() {
        return hash(title, summary, body, category.getId(), source, byline, audience, references);
    }

    static String hash(String title, String summary, String body, Long categoryId) {
        return hash(title, summary, body, categoryId, null, null, null, List.of());
    }

    static String hash(String title, String summary, String body, Long categoryId, String source, String byline,
                       String audience, List<Reference> references) {
        List<String> parts = new ArrayList<>(List.of(title, summary, body, String.valueOf(categoryId)));
        // Texts written before sources existed keep their hash: the new parts count only when present.
        if (source != null || byline != null || audience != null || !references.isEmpty()) {
            parts.add(String.valueOf(source));
            parts.add(String.valueOf(byline));
            parts.add(String.valueOf(audience));
            references.forEach(r -> parts.add(r.line()));
        }
        return org.healthportal.cms.platform.Hashing.sha256Hex(parts);
    }
}
