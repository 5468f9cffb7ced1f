package org.healthportal.cms.content.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.entity.Category;

/**
 * What an editor writes: the part of a revision a review signs off. Validated on construction, so a revision
 * never holds content that breaks the limits. The body must already be sanitized.
 */
public record ArticleContent(String title, String summary, String body, Category category) {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 1000;
    public static final int BODY_MAX = 200_000;

    public ArticleContent {
        title = required("title", title, TITLE_MAX);
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

    /** SHA-256 over everything a reviewer approves; an approval is bound to this value. */
    public String hash() {
        return hash(title, summary, body, category.getId());
    }

    static String hash(String title, String summary, String body, Long categoryId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{title, summary, body, String.valueOf(categoryId)}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
