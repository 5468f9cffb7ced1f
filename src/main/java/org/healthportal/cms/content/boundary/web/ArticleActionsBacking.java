package org.healthportal.cms.content.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.entity.WorkflowAction;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.web.Feedback;

/**
 * The workflow actions of the article editor. Which buttons show is asked of the stored article, as the change
 * path will decide it ({@link EditArticleBacking#allows}); {@link ArticleChanges} applies each action.
 */
@Named
@ViewScoped
public class ArticleActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EditArticleBacking editor;

    @Inject
    ArticleClaimsBacking claims;

    @Inject
    ArticleChanges changes;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    private LocalDateTime publishAt;
    private String reason;
    private String notice;

    /** Saves what changed, then submits for review with the justifications of the claims found. */
    public void submit() {
        if (!editor.storeIfChanged()) {
            return;
        }
        try {
            editor.reload(changes.apply(editor.getId(), WorkflowAction.SUBMIT, null, null, claims.getJustifications()));
            claims.clear();
            Feedback.info("edit.submitted");
        } catch (CmsException refused) {
            Feedback.error(refused);
            claims.checkClaims();
        }
    }

    public void publish() {
        transition(WorkflowAction.PUBLISH, null, null, "edit.published");
    }

    public void schedule() {
        Instant at = zones.instant(publishAt);
        if (at == null || !at.isAfter(clock.instant())) {
            Feedback.error(new CmsException.InvalidInput("publishAt must be in the future").withKey("edit.scheduleFuture"));
            return;
        }
        transition(WorkflowAction.PUBLISH, null, at, "edit.scheduled");
    }

    public void unpublish() {
        transition(WorkflowAction.UNPUBLISH, reason, null, "edit.unpublished");
    }

    public void takeDown() {
        transition(WorkflowAction.TAKEDOWN, reason, null, "edit.takenDown");
    }

    public void correct() {
        transition(WorkflowAction.CORRECT, notice, null, "edit.corrected");
    }

    public void archive() {
        transition(WorkflowAction.ARCHIVE, reason, null, "edit.archived");
    }

    private void transition(WorkflowAction action, String comment, Instant at, String successKey) {
        try {
            editor.reload(changes.apply(editor.getId(), action, comment, at));
            reason = null;
            notice = null;
            Feedback.info(successKey);
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public boolean isCanSubmit() {
        return editor.allows(WorkflowAction.SUBMIT);
    }

    public boolean isCanPublish() {
        return editor.allows(WorkflowAction.PUBLISH);
    }

    public boolean isCanUnpublish() {
        return editor.allows(WorkflowAction.UNPUBLISH);
    }

    public boolean isCanTakeDown() {
        return editor.allows(WorkflowAction.TAKEDOWN);
    }

    public boolean isCanCorrect() {
        return editor.allows(WorkflowAction.CORRECT);
    }

    public boolean isCanArchive() {
        return editor.allows(WorkflowAction.ARCHIVE);
    }

    /** A reviewer's decision waits on the review screen. */
    public boolean isCanReview() {
        return editor.allows(WorkflowAction.REQUEST_CHANGES);
    }

    public LocalDateTime getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(LocalDateTime publishAt) {
        this.publishAt = publishAt;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }
}
