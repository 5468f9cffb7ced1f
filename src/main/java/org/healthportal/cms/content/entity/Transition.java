package org.healthportal.cms.content.entity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditEvent;

/** One state change an entity method made, for the change path to audit and announce. */
public record Transition(AuditAction action, Revision revision, RevisionState from, RevisionState to, String comment) {

    /** What the public page of the article shows differently after, even when its live text stayed the same. */
    private static final Set<AuditAction> SHOWN_PUBLICLY = EnumSet.of(AuditAction.PUBLISH, AuditAction.SUPERSEDE,
            AuditAction.SCHEDULE, AuditAction.SCHEDULE_FAILED, AuditAction.UNPUBLISH, AuditAction.ARCHIVE,
            AuditAction.TAKEDOWN, AuditAction.CORRECT, AuditAction.CONFIRM_REVIEW, AuditAction.REVIEW_OVERDUE,
            AuditAction.SLUG_CHANGE);

    public Transition(AuditAction action, Revision revision, RevisionState from, RevisionState to) {
        this(action, revision, from, to, null);
    }

    public Transition withComment(String note) {
        return new Transition(action, revision, from, to, note);
    }

    /** True when the public site must redraw the article's pages and lists (if it was ever public). */
    public boolean showsOnPublicPage() {
        return SHOWN_PUBLICLY.contains(action);
    }

    /** The audit event that records this transition. */
    public AuditEvent event(String actor, Instant at) {
        return new AuditEvent(revision.getArticle().getId(), revision.getId(), revision.getNumber(), actor, at,
                action, from == null ? null : from.name(), to == null ? null : to.name(), comment);
    }
}
