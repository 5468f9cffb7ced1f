package org.healthportal.cms.workflow.boundary.web;

import org.healthportal.cms.platform.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimFinding;
import org.healthportal.cms.compliance.entity.ClaimMarks;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.content.control.ArticlePermissions;
import org.healthportal.cms.content.control.ArticleService;
import org.healthportal.cms.content.entity.Refusal;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Html;
import org.healthportal.cms.platform.web.Feedback;
import org.healthportal.cms.platform.TextDiff;
import org.healthportal.cms.content.control.ArticleChanges;
import org.healthportal.cms.content.entity.ReviewComment;
import org.healthportal.cms.content.entity.WorkflowAction;

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
    ArticleChanges workflow;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClaimsService claims;

    @Inject
    Zones zones;

    @Inject
    ArticlePermissions permissions;

    @Inject
    java.time.Clock clock;

    private Long id;
    private String comment;
    private Article article;
    private Revision compared;
    private transient List<String> flagged;
    private transient java.util.Map<String, ArticlePermissions.Permission> allowed;

    public void load() {
        allowed = null;
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

    /** Re-review without changes: the live text is still right; a fresh review date. */
    public void confirmReview() {
        decide(WorkflowAction.CONFIRM_REVIEW, "review.confirmed");
    }

    /** Offered while the live text is the latest one: a change in progress is reviewed on its own. */
    public boolean isCanConfirmReview() {
        return article.getLatestRevision() == article.getLiveRevision()
                && permission(WorkflowAction.CONFIRM_REVIEW).allowed();
    }

    public String getNextReviewDue() {
        return zones.format(article.getNextReviewDue());
    }

    public String getLastReviewedAt() {
        return zones.format(article.getLastReviewedAt());
    }

    public boolean isReviewOverdue() {
        return article.isReviewOverdue(clock.instant());
    }

    public void requestChanges() {
        decide(WorkflowAction.REQUEST_CHANGES, "review.changesRequested");
    }

    private void decide(WorkflowAction action, String successKey) {
        try {
            workflow.apply(id, action, comment, null);
            comment = null;
            flagged = null;
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
        return TextDiff.html(compared == null ? "" : compared.getBody(), getRevision().getBody(),
                Feedback.text("diff.tooLarge"));
    }

    /** The findings recorded at submission, each with the editor's justification. */
    public List<ClaimFinding> getFindings() {
        return claims.recorded(getRevision());
    }

    /** Terms the dictionary flags now that were not justified at submission: approval is blocked while any exist. */
    public List<String> getUnjustified() {
        List<String> justified = getFindings().stream().map(ClaimFinding::getTerm).toList();
        return claims.check(getRevision()).stream().map(ClaimsCheck.Finding::term).filter(t -> !justified.contains(t))
                .toList();
    }

    /** The revision's body with every flagged term marked. */
    public String getMarkedBody() {
        return ClaimMarks.mark(getRevision().getBody(), flaggedTerms());
    }

    public String getMarkedTitle() {
        return ClaimMarks.mark(Html.escapeText(getRevision().getTitle()), flaggedTerms());
    }

    public String getMarkedSummary() {
        return ClaimMarks.mark(Html.escapeText(getRevision().getSummary()), flaggedTerms());
    }

    private List<String> flaggedTerms() {
        if (flagged == null) {
            flagged = claims.check(getRevision()).stream().map(ClaimsCheck.Finding::term).toList();
        }
        return flagged;
    }


    public List<ReviewComment> getComments() {
        return workflow.comments(id);
    }

    private Account me() {
        return currentUser.require();
    }

    /**
     * Shown to a reviewer the article lets approve; flagged wording without a justification still shows the button
     * beside the list of those terms, and approving then says why it is refused.
     */
    public boolean isCanApprove() {
        ArticlePermissions.Permission approve = permission(WorkflowAction.APPROVE);
        return approve.allowed() || approve.reason() == Refusal.Reason.CLAIMS;
    }

    public boolean isCanRequestChanges() {
        return permission(WorkflowAction.REQUEST_CHANGES).allowed();
    }

    /** Why the credential gate would refuse this reviewer's sign-off, in their language; null when it would not. */
    public String getGateProblem() {
        for (WorkflowAction signOff : List.of(WorkflowAction.APPROVE, WorkflowAction.CONFIRM_REVIEW)) {
            ArticlePermissions.Permission p = permission(signOff);
            if (p.reason() == Refusal.Reason.CREDENTIALS) {
                return Feedback.text(p.refusal().key(), p.refusal().arguments());
            }
        }
        return null;
    }

    private ArticlePermissions.Permission permission(WorkflowAction action) {
        if (allowed == null) {
            allowed = new java.util.HashMap<>();
            permissions.allowedActions(me(), article).forEach(p -> allowed.put(p.action(), p));
        }
        return allowed.get(action.wireName());
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
