package org.healthportal.cms.workflow.entity;

/** What an audit event records: the workflow actions, and the events around them. */
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
    REVIEW_OVERDUE("review-overdue");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuditAction of(WorkflowAction action) {
        return valueOf(action.name());
    }
}
