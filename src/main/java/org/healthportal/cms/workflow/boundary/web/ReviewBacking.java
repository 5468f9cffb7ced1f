package org.healthportal.cms.workflow.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.workflow.control.TextDiff;
import org.healthportal.cms.workflow.control.WorkflowService;
import org.healthportal.cms.workflow.entity.ReviewComment;
import org.healthportal.cms.workflow.entity.RevisionState;
import org.healthportal.cms.workflow.entity.WorkflowAction;

/**
 * The review screen: the revision in review beside what changed against the live revision (or the previous one),
 * the comments so far, and the reviewer's two decisions.
 */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ArticleService articles;

    @Inject
    WorkflowService workflow;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private String comment;
    private Article article;
    private Revision compared;

    public void load() {
        article = id == null ? null : articles.find(id).orElse(null);
        if (article == null) {
            org.healthportal.cms.platform.web.Pages.notFound();
            return;
        }
        Revision latest = article.getLatestRevision();
        Revision live = article.getLiveRevision();
        if (live != null && live != latest) {
            compared = live;
        } else {
            compared = articles.revisions(id).stream().filter(r -> r.getNumber() == latest.getNumber() - 1)
                    .findFirst().orElse(null);
        }
    }

    public void approve() {
        decide(WorkflowAction.APPROVE, "review.approved");
    }

    public void requestChanges() {
        decide(WorkflowAction.REQUEST_CHANGES, "review.changesRequested");
    }

    private void decide(WorkflowAction action, String successKey) {
        try {
            workflow.apply(id, action, comment, null);
            comment = null;
            Feedback.info(successKey);
            load();
        } catch (CmsException refused) {
            Feedback.error(refused);
        }
    }

    public Revision getRevision() {
        return article.getLatestRevision();
    }

    public Article getArticle() {
        return article;
    }

    public Revision getCompared() {
        return compared;
    }

    public String getTitleDiff() {
        return compared == null ? TextDiff.inline("", getRevision().getTitle())
                : TextDiff.inline(compared.getTitle(), getRevision().getTitle());
    }

    public String getSummaryDiff() {
        return compared == null ? TextDiff.inline("", getRevision().getSummary())
                : TextDiff.inline(compared.getSummary(), getRevision().getSummary());
    }

    public String getBodyDiff() {
        return TextDiff.html(compared == null ? "" : compared.getBody(), getRevision().getBody());
    }

    public List<ReviewComment> getComments() {
        return workflow.comments(id);
    }

    private Account me() {
        return currentUser.require();
    }

    /** Shown only to a reviewer who did not write the revision; the service refuses the rest anyway. */
    public boolean isCanApprove() {
        return me().has(Role.REVIEWER) && getRevision().getState() == RevisionState.IN_REVIEW
                && !getRevision().isContributor(me());
    }

    public boolean isCanRequestChanges() {
        return me().has(Role.REVIEWER) && getRevision().getState() == RevisionState.IN_REVIEW;
    }

    public boolean isOwnWork() {
        return getRevision().isContributor(me());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
