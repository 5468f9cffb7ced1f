package org.healthportal.cms.platform.audit;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an audit event records: the workflow actions and the events around them, and what admins do to accounts and
 * to the site's rules (those events name a target instead of an article).
 */
public enum AuditAction {
    CREATE("create"),
    SAVE("save"),
    SUBMIT("submit"),
    APPROVE("approve"),
    REQUEST_CHANGES("request-changes"),
    SCHEDULE("schedule"),
    PUBLISH("publish"),
    /** A published revision replaced by a newer one going live. */
    SUPERSEDE("supersede"),
    UNPUBLISH("unpublish"),
    ARCHIVE("archive"),
    /** The scheduler could not publish a revision when it was due. */
    SCHEDULE_FAILED("schedule-failed"),
    TAKEDOWN("takedown"),
    CORRECT("correct"),
    CONFIRM_REVIEW("confirm-review"),
    /** The overdue-review policy ran on an article. */
    REVIEW_OVERDUE("review-overdue"),
    /** An article's public address changed; the comment says from what to what. */
    SLUG_CHANGE("slug-change"),
    ACCOUNT_CREATE("account-create"),
    ACCOUNT_ROLES("account-roles"),
    ACCOUNT_ENABLE("account-enable"),
    ACCOUNT_DISABLE("account-disable"),
    /** A new display name or e-mail address. */
    ACCOUNT_RENAME("account-rename"),
    /** An admin set someone's password. */
    PASSWORD_RESET("password-reset"),
    /** A reviewer's credentials recorded or changed. */
    CREDENTIALS("credentials"),
    /** A new disclaimer version. */
    DISCLAIMER("disclaimer"),
    /** A term added to or removed from the claims dictionary. */
    CLAIM_TERM("claim-term"),
    /** The overdue-review policy chosen. */
    REVIEW_POLICY("review-policy"),
    /** An admin lifted a login block before it ran out. */
    LOGIN_BLOCK_LIFTED("login-block-lifted"),
    /** A login-free preview link made for a revision. */
    PREVIEW_LINK_CREATE("preview-link-create"),
    /** A preview link opened for the first time (the actor is {@code preview:<link id>}). */
    PREVIEW_LINK_OPEN("preview-link-open"),
    /** A preview link ended before its expiry, by hand or with the article's takedown. */
    PREVIEW_LINK_REVOKE("preview-link-revoke"),
    /** A WordPress export imported (or its import failed): the file, then the counts. */
    WORDPRESS_IMPORT("wordpress-import");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AuditAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(AuditAction::wireName).collect(Collectors.joining(", "));
    }
}
