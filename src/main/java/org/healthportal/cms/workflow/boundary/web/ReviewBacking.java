package org.healthportal.cms.workflow.boundary.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.entity.ClaimFinding;
import org.healthportal.cms.compliance.entity.ClaimMarks;
import org.healthportal.cms.compliance.entity.ClaimsCheck;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.platform.Zones;
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

    @Inject
    AccountService accounts;

    @Inject
    ClaimsService claims;

    @Inject
    Zones zones;

    private Long id;
    private String comment;
    private Article article;
    private Revision compared;
    private transient List<String> flagged;

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

    /** Re-review without changes: the live text is still right; a fresh review date. */
    public void confirmReview() {
        decide(WorkflowAction.CONFIRM_REVIEW, "review.confirmed");
    }

    public boolean isCanConfirmReview() {
        return me().has(Role.REVIEWER) && article.isLive() && article.getLatestRevision() == article.getLiveRevision()
                && !getRevision().isContributor(me()) && getGateProblem() == null;
    }

    public String getNextReviewDue() {
        return zones.format(article.getNextReviewDue());
    }

    public String getLastReviewedAt() {
        return zones.format(article.getLastReviewedAt());
    }

    public boolean isReviewOverdue() {
        return article.isReviewOverdue(java.time.Instant.now());
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
        return ClaimMarks.mark(escape(getRevision().getTitle()), flaggedTerms());
    }

    public String getMarkedSummary() {
        return ClaimMarks.mark(escape(getRevision().getSummary()), flaggedTerms());
    }

    private List<String> flaggedTerms() {
        if (flagged == null) {
            flagged = claims.check(getRevision()).stream().map(ClaimsCheck.Finding::term).toList();
        }
        return flagged;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
                && !getRevision().isContributor(me()) && getGateProblem() == null;
    }

    public boolean isCanRequestChanges() {
        return me().has(Role.REVIEWER) && getRevision().getState() == RevisionState.IN_REVIEW;
    }

    /** Why the credential gate would refuse this reviewer's approval, in their language; null when it would not. */
    public String getGateProblem() {
        if (!me().has(Role.REVIEWER)) {
            return null;
        }
        try {
            CredentialGate.check(accounts.findReviewerProfile(me()), getRevision().getCategory(),
                    LocalDate.now(zones.zone()));
            return null;
        } catch (CmsException refused) {
            return Feedback.text(refused.key(), refused.arguments());
        }
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
