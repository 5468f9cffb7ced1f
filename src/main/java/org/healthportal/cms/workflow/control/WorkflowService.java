package org.healthportal.cms.workflow.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.compliance.control.ClaimsService;
import java.util.Optional;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.platform.Zones;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.workflow.entity.AuditAction;
import org.healthportal.cms.workflow.entity.ReviewComment;
import org.healthportal.cms.workflow.entity.Transition;
import org.healthportal.cms.workflow.entity.WorkflowAction;

/**
 * The one place that applies the workflow, for the back office and the API alike: it loads the article, checks
 * the caller's role, lets the entity guard the transition, records the audit events in the same transaction and
 * announces the change once it commits.
 */
@Stateless
public class WorkflowService {

    private static final Logger LOG = Logger.getLogger(WorkflowService.class.getName());
    public static final int COMMENT_MAX = 4000;
    public static final String SYSTEM_ACTOR = "system:scheduler";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    DisclaimerService disclaimers;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    AccountService accounts;

    @Inject
    ClaimsService claims;

    @Inject
    ReviewPolicy reviewPolicy;

    @Inject
    Zones zones;

    @Inject
    Event<ArticleChanged> changed;

    /**
     * Applies an action to an article as the signed-in user.
     *
     * @param publishAt for {@code publish}: a later moment schedules instead of publishing now
     */
    public Article apply(Long articleId, WorkflowAction action, String comment, Instant publishAt) {
        return apply(articleId, action, comment, publishAt, Map.of());
    }

    /**
     * Applies an action; {@code justifications} answer the claims check at submission (term → why it stands).
     */
    public Article apply(Long articleId, WorkflowAction action, String comment, Instant publishAt,
                         Map<String, String> justifications) {
        Account actor = currentUser.require();
        if (!action.allowedFor(actor.getRoles())) {
            throw new CmsException.Forbidden("Your roles " + actor.getRoles() + " may not " + action.wireName()
                    + "; it needs one of " + action.roles()).withKey("error.roleRefuses", action.wireName());
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new CmsException.InvalidInput("comment is too long: at most " + COMMENT_MAX + " characters")
                    .withKey("error.commentTooLong", COMMENT_MAX);
        }
        Article article = em.find(Article.class, articleId);
        if (article == null) {
            throw new CmsException.NotFound("No article with id " + articleId);
        }
        Instant now = clock.instant();
        List<Transition> transitions = new ArrayList<>();
        switch (action) {
            case SUBMIT -> {
                Transition submitted = article.submit(now);
                claims.recordAtSubmission(submitted.revision(), justifications == null ? Map.of() : justifications,
                        actor.getUsername());
                transitions.add(submitted);
            }
            case APPROVE -> transitions.add(article.approve(actor, () -> {
                Optional<ReviewerProfile> credentials = accounts.findReviewerProfile(actor);
                CredentialGate.check(credentials, article.getLatestRevision().getCategory(),
                        LocalDate.ofInstant(now, zones.zone()));
                claims.checkAtApproval(article.getLatestRevision());
                return CredentialGate.snapshot(credentials.get());
            }, now));
            case REQUEST_CHANGES -> {
                Transition t = article.requestChanges(comment, now);
                em.persist(new ReviewComment(t.revision(), actor, now, t.comment()));
                transitions.add(t);
            }
            case PUBLISH -> {
                if (publishAt != null && publishAt.isAfter(now)) {
                    transitions.add(article.schedule(publishAt, now));
                } else {
                    transitions.addAll(article.publish(disclaimers.current(), now));
                }
            }
            case UNPUBLISH -> transitions.add(article.unpublish(comment, now));
            case ARCHIVE -> transitions.addAll(article.archive(comment, now));
            case TAKEDOWN -> transitions.add(article.takeDown(comment, now));
            case CORRECT -> transitions.add(article.correct(comment, now));
            case CONFIRM_REVIEW -> {
                Optional<ReviewerProfile> credentials = accounts.findReviewerProfile(actor);
                if (article.getLiveRevision() == null) {
                    throw new CmsException.Conflict("The article is not online").withKey("error.notOnline");
                }
                CredentialGate.check(credentials, article.getLiveRevision().getCategory(),
                        LocalDate.ofInstant(now, zones.zone()));
                transitions.add(article.confirmReview(actor, comment == null || comment.isBlank()
                        ? CredentialGate.snapshot(credentials.get())
                        : comment.strip() + " — " + CredentialGate.snapshot(credentials.get()), now));
            }
        }
        if (comment != null && !comment.isBlank() && action != WorkflowAction.REQUEST_CHANGES
                && action != WorkflowAction.UNPUBLISH && action != WorkflowAction.ARCHIVE
                && action != WorkflowAction.TAKEDOWN && action != WorkflowAction.CORRECT
                && action != WorkflowAction.CONFIRM_REVIEW) {
            // A note given with submit, approve or publish is kept on the event it explains.
            int last = transitions.size() - 1;
            transitions.set(last, transitions.get(last).withComment(comment.strip()));
        }
        if (article.isLive()) {
            article.scheduleNextReview(reviewPolicy.intervalFor(article.getLiveRevision().getCategory()));
        }
        audit.record(actor.getUsername(), now, transitions);
        flush();
        boolean publicPage = action != WorkflowAction.SUBMIT && action != WorkflowAction.APPROVE
                && action != WorkflowAction.REQUEST_CHANGES;
        changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), publicPage));
        return article;
    }

    /**
     * Publishes one scheduled revision if it is still due. Called by the scheduler in its own transaction; with
     * two instances both may try, and the article's version lets exactly one of them commit.
     *
     * @return true when this call published it
     */
    public boolean publishScheduled(Long revisionId) {
        Revision revision = em.find(Revision.class, revisionId, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Instant now = clock.instant();
        if (revision == null || revision.getPublishAt() == null || revision.getPublishAt().isAfter(now)) {
            return false;
        }
        Article article = revision.getArticle();
        List<Transition> transitions;
        try {
            transitions = article.publish(revision, disclaimers.current(), now);
            article.scheduleNextReview(reviewPolicy.intervalFor(revision.getCategory()));
        } catch (CmsException refused) {
            LOG.log(Level.WARNING, "Scheduled publication of article {0} revision {1} failed: {2}",
                    new Object[]{article.getId(), revision.getNumber(), refused.getMessage()});
            article.cancelScheduleOf(revision, now);
            transitions = List.of(new Transition(AuditAction.SCHEDULE_FAILED, revision, revision.getState(),
                    revision.getState(), refused.getMessage()));
        }
        audit.record(SYSTEM_ACTOR, now, transitions);
        flush();
        changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), true));
        return transitions.stream().anyMatch(t -> t.action() == AuditAction.PUBLISH);
    }

    /** Ids of revisions whose scheduled time has come. */
    public List<Long> dueForPublication(int max) {
        return em.createNamedQuery("Revision.dueForPublication", Long.class)
                .setParameter("now", clock.instant()).setMaxResults(max).getResultList();
    }

    public List<ReviewComment> comments(Long articleId) {
        return em.createNamedQuery("ReviewComment.byArticle", ReviewComment.class)
                .setParameter("articleId", articleId).getResultList();
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new CmsException.Conflict("The article was changed by someone else at the same moment; reload it")
                    .withKey("error.stale");
        }
    }
}
