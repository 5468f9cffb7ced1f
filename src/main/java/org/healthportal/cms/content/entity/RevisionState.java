package org.healthportal.cms.content.entity;

import org.healthportal.cms.platform.CmsException;

/**
 * The life of one revision, and the one table of which action leads from which state to which. Everything that
 * changes a revision's state asks {@link #after(WorkflowAction)}; nothing else decides it.
 */
public enum RevisionState {
    DRAFT,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    PUBLISHED,
    /** Was public and no longer is: taken offline, or replaced by a newer published revision. */
    UNPUBLISHED,
    ARCHIVED;

    /**
     * The state the action leads to from this one.
     *
     * @throws CmsException.Conflict when this state does not allow the action
     */
    public RevisionState after(WorkflowAction action) {
        RevisionState next = next(action);
        if (next == null) {
            throw new CmsException.Conflict("Cannot " + action.wireName() + " a revision that is " + this
                    + " (allowed from " + action.allowedFrom() + ")").withKey("error.stateRefuses", action.wireName(), name());
        }
        return next;
    }

    /** The transition table: the next state, or null where the action is not allowed. */
    RevisionState next(WorkflowAction action) {
        return switch (action) {
            case SUBMIT -> this == DRAFT || this == CHANGES_REQUESTED ? IN_REVIEW : null;
            case APPROVE -> this == IN_REVIEW ? APPROVED : null;
            case REQUEST_CHANGES -> this == IN_REVIEW ? CHANGES_REQUESTED : null;
            case PUBLISH -> this == APPROVED || this == UNPUBLISHED ? PUBLISHED : null;
            case UNPUBLISH -> this == PUBLISHED ? UNPUBLISHED : null;
            case ARCHIVE -> this == ARCHIVED ? null : ARCHIVED;
            case TAKEDOWN -> this == PUBLISHED ? UNPUBLISHED : null;
            case CORRECT, CONFIRM_REVIEW -> this == PUBLISHED ? PUBLISHED : null;
        };
    }

    public boolean allows(WorkflowAction action) {
        return next(action) != null;
    }

    /** Only a draft changes in place; a revision that was submitted is frozen as the record of what was reviewed. */
    public boolean isEditableInPlace() {
        return this == DRAFT;
    }

    /** Editing these starts a new draft revision; the frozen one (and a live one) stays as it is. */
    public boolean startsNewRevisionOnEdit() {
        return this == CHANGES_REQUESTED || this == APPROVED || this == PUBLISHED || this == UNPUBLISHED;
    }
}
