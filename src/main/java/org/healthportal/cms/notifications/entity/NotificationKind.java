package org.healthportal.cms.notifications.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a person can be told of; each person chooses a {@link Delivery} per kind. */
public enum NotificationKind {
    /** An article waits for review: the reviewers whose credentials pass the category's gate. */
    SUBMITTED("submitted"),
    /** A reviewer asked for changes: the authors, with the comment. */
    CHANGES_REQUESTED("changes-requested"),
    APPROVED("approved"),
    /** Published now or by the schedule. */
    PUBLISHED("published"),
    SCHEDULE_FAILED("schedule-failed"),
    TAKEDOWN("takedown"),
    CORRECTED("corrected"),
    /** The next medical review falls due within 30 days. */
    REVIEW_DUE("review-due", true),
    REVIEW_OVERDUE("review-overdue", true),
    PASSWORD_RESET("password-reset"),
    ROLES_CHANGED("roles-changed", true),
    /** The reviewer's verified credentials lapse within 30 days. */
    CREDENTIALS_LAPSING("credentials-lapsing", true);

    private final String wireName;
    private final boolean detailInSentence;

    NotificationKind(String wireName) {
        this(wireName, false);
    }

    NotificationKind(String wireName, boolean detailInSentence) {
        this.wireName = wireName;
        this.detailInSentence = detailInSentence;
    }

    /**
     * True when the sentence ({@code notification.text.*}) already says the detail (a date, the roles) as its
     * {@code {2}}; otherwise the detail is a comment or reason, shown under the sentence.
     */
    public boolean detailInSentence() {
        return detailInSentence;
    }

    public String wireName() {
        return wireName;
    }

    /** The key of its name and of its sentence in the message bundles: {@code notification.kind.<wire name>}. */
    public String messageKey() {
        return "notification.kind." + wireName;
    }

    public static Optional<NotificationKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
