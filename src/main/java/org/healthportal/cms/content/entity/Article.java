package org.healthportal.cms.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Slugs;
import org.healthportal.cms.taxonomy.entity.Category;
import org.healthportal.cms.platform.audit.AuditAction;

/**
 * An article: a stable identity with a slug, the latest revision editors work on and the live revision the
 * public reads. The two differ while a change to a published article is drafted and reviewed.
 *
 * <p>Its methods are the workflow: each guards one transition with {@link RevisionState#after} and the
 * rules that need more than the state (no self-approval, approval bound to the exact text, no going back to an
 * older text). Roles are checked by the service that calls them. Every change touches {@code modifiedAt}, so the
 * article's {@code @Version} moves with any change and serves as the edit token.
 */
@Entity
@Table(name = "article")
@NamedQuery(name = "Article.bySlug", query = "SELECT a FROM Article a WHERE a.slug = :slug")
@NamedQuery(name = "Article.count", query = "SELECT COUNT(a) FROM Article a")
public class Article {

    public static final int CORRECTION_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = Slugs.MAX)
    private String slug;

    @OneToOne
    @JoinColumn(name = "latest_revision_id")
    private Revision latestRevision;

    @OneToOne
    @JoinColumn(name = "live_revision_id")
    private Revision liveRevision;

    /** True once any revision went live: an article offline now answers 410 rather than 404. */
    @Column(name = "was_published", nullable = false)
    private boolean wasPublished;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    /** A correction published on the live page, with its date; null while there is none. */
    /** When the article was first published on the site it was imported from; null for articles written here. */
    @Column(name = "original_published_at")
    private Instant originalPublishedAt;

    @Column(name = "correction_notice", length = CORRECTION_MAX)
    private String correctionNotice;

    @Column(name = "corrected_at")
    private Instant correctedAt;

    /** When a reviewer last signed off the live text (approval, or a re-review without changes). */
    @Column(name = "last_reviewed_at")
    private Instant lastReviewedAt;

    @Column(name = "next_review_due")
    private Instant nextReviewDue;

    /** Set once the overdue policy was applied, so it is applied once per due date. */
    @Column(name = "overdue_handled", nullable = false)
    private boolean overdueHandled;

    @Embedded
    private Listing listing;

    @Version
    private long version;

    protected Article() {
    }

    public Article(String slug, Instant now) {
        this.slug = slug;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** The first revision. The caller persists the article first, then the revision it returns. */
    public Revision startFirstRevision(ArticleContent content, Account author, Instant now) {
        if (latestRevision != null) {
            throw new IllegalStateException("Article " + id + " already has revisions");
        }
        latestRevision = new Revision(this, 1, content, author, now);
        touch(now);
        return latestRevision;
    }

    /**
     * Saves new content: in place while the latest revision is a draft, otherwise as a new draft revision so the
     * frozen (and maybe live) one stays as it was. Saving unchanged content changes nothing.
     *
     * @return the transition to audit, empty when nothing changed
     */
    public Optional<Transition> edit(ArticleContent content, Account editor, Instant now) {
        Revision latest = latestRevision;
        RevisionState from = latest.getState();
        if (from.isEditableInPlace()) {
            if (content.hash().equals(latest.getContentHash())) {
                return Optional.empty();
            }
            latest.replaceContent(content, editor, now);
            touch(now);
            return Optional.of(new Transition(AuditAction.SAVE, latest, from, from));
        }
        if (!from.startsNewRevisionOnEdit()) {
            throw notEditable(from);
        }
        if (content.hash().equals(latest.getContentHash())) {
            return Optional.empty();
        }
        // A schedule on the frozen revision stays: scheduling targets that exact approved text.
        latestRevision = new Revision(this, latest.getNumber() + 1, content, editor, now);
        touch(now);
        return Optional.of(new Transition(AuditAction.SAVE, latestRevision, from, RevisionState.DRAFT,
                "new revision after revision " + latest.getNumber()));
    }

    public Transition submit(Instant now) {
        Revision latest = latestRevision;
        RevisionState from = latest.getState();
        RevisionState to = from.after(WorkflowAction.SUBMIT);
        List<String> missing = latest.content().missingForReview();
        if (!missing.isEmpty()) {
            throw new CmsException.InvalidInput("Before review an article needs its source, author (byline), target "
                    + "audience and at least one reference; missing: " + String.join(", ", missing))
                    .withKey("error.requiredBeforeReview");
        }
        latest.moveTo(to, now);
        latest.markSubmitted(now);
        touch(now);
        return new Transition(AuditAction.SUBMIT, latest, from, to);
    }

    public Transition approve(Account reviewer, Instant now) {
        return approve(reviewer, () -> null, now);
    }

    /**
     * Approves the latest revision. After the state and authorship rules, {@code credentials} runs the credential
     * gate and returns what to record of the reviewer's credentials as they stand now.
     */
    public Transition approve(Account reviewer, java.util.function.Supplier<String> credentials, Instant now) {
        Revision latest = latestRevision;
        RevisionState from = latest.getState();
        RevisionState to = from.after(WorkflowAction.APPROVE);
        if (latest.isContributor(reviewer)) {
            throw ownWork(WorkflowAction.APPROVE);
        }
        latest.markApproved(reviewer, credentials.get(), now);
        latest.moveTo(to, now);
        touch(now);
        return new Transition(AuditAction.APPROVE, latest, from, to);
    }

    public Transition requestChanges(String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new CmsException.InvalidInput("A comment is required to request changes").withKey("error.commentRequired").withField("comment");
        }
        Revision latest = latestRevision;
        RevisionState from = latest.getState();
        RevisionState to = from.after(WorkflowAction.REQUEST_CHANGES);
        latest.moveTo(to, now);
        touch(now);
        return new Transition(AuditAction.REQUEST_CHANGES, latest, from, to, comment.strip());
    }

    /** Publishes the latest revision now. */
    public List<Transition> publish(Disclaimer shown, Instant now) {
        return publish(latestRevision, shown, now);
    }

    /**
     * Publishes the given revision now: the latest one, or one the scheduler publishes when due, which may be
     * older than a draft begun since. The revision it replaces online becomes UNPUBLISHED.
     */
    public List<Transition> publish(Revision revision, Disclaimer shown, Instant now) {
        checkPublishable(revision);
        RevisionState from = revision.getState();
        RevisionState to = from.after(WorkflowAction.PUBLISH);
        List<Transition> transitions = new ArrayList<>();
        Revision previous = liveRevision;
        if (previous != null && previous != revision) {
            previous.moveTo(RevisionState.UNPUBLISHED, now);
            transitions.add(new Transition(AuditAction.SUPERSEDE, previous, RevisionState.PUBLISHED,
                    RevisionState.UNPUBLISHED, "replaced by revision " + revision.getNumber()));
        }
        revision.moveTo(to, now);
        revision.markPublished(now, shown);
        liveRevision = revision;
        wasPublished = true;
        reviewedAt(revision.getApprovedAt() == null ? now : revision.getApprovedAt());
        touch(now);
        transitions.add(new Transition(AuditAction.PUBLISH, revision, from, to));
        return transitions;
    }

    /** Schedules the latest revision: the scheduler publishes it at {@code at}. */
    public Transition schedule(Instant at, Instant now) {
        Revision latest = latestRevision;
        checkPublishable(latest);
        latest.getState().after(WorkflowAction.PUBLISH);
        latest.scheduleAt(at);
        touch(now);
        return new Transition(AuditAction.SCHEDULE, latest, latest.getState(), latest.getState(),
                "scheduled for " + at);
    }

    /** Drops a schedule that can no longer be carried out, so the scheduler stops trying. */
    public void cancelScheduleOf(Revision revision, Instant now) {
        revision.cancelSchedule();
        touch(now);
    }

    private void checkPublishable(Revision revision) {
        if (revision.getArticle() != this) {
            throw new IllegalArgumentException("Revision " + revision.getId() + " is not of article " + id);
        }
        if (!revision.getState().allows(WorkflowAction.PUBLISH)) {
            revision.getState().after(WorkflowAction.PUBLISH);
        }
        if (!revision.hasValidApproval()) {
            throw approvalStale(revision);
        }
        if (liveRevision != null && liveRevision != revision && liveRevision.getNumber() > revision.getNumber()) {
            throw new CmsException.Conflict("Revision " + revision.getNumber()
                    + " is older than the live revision " + liveRevision.getNumber());
        }
    }

    public Transition unpublish(String reason, Instant now) {
        Revision live = requireLive();
        RevisionState from = live.getState();
        RevisionState to = from.after(WorkflowAction.UNPUBLISH);
        live.moveTo(to, now);
        liveRevision = null;
        touch(now);
        return new Transition(AuditAction.UNPUBLISH, live, from, to, blankToNull(reason));
    }

    /** Pulls the live revision offline at once; unlike a plain unpublish, the reason is required. */
    public Transition takeDown(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new CmsException.InvalidInput("A reason is required to take an article down")
                    .withKey("error.reasonRequired");
        }
        Revision live = requireLive();
        RevisionState from = live.getState();
        RevisionState to = from.after(WorkflowAction.TAKEDOWN);
        live.moveTo(to, now);
        liveRevision = null;
        touch(now);
        return new Transition(AuditAction.TAKEDOWN, live, from, to, reason.strip());
    }

    /** Publishes a correction notice on the live page; a later one replaces it (the audit keeps every one). */
    public Transition correct(String notice, Instant now) {
        if (notice == null || notice.isBlank() || notice.strip().length() > CORRECTION_MAX) {
            throw new CmsException.InvalidInput("A correction notice of 1 to 2000 characters is required")
                    .withKey("error.noticeRequired");
        }
        Revision live = requireLive();
        live.getState().after(WorkflowAction.CORRECT);
        correctionNotice = notice.strip();
        correctedAt = now;
        touch(now);
        return new Transition(AuditAction.CORRECT, live, live.getState(), live.getState(), correctionNotice);
    }

    /**
     * A reviewer confirms the live text is still right, without changes: a fresh review date. The credential gate
     * is the caller's to apply, as for an approval.
     */
    public Transition confirmReview(Account reviewer, String note, Instant now) {
        Revision live = requireLive();
        live.getState().after(WorkflowAction.CONFIRM_REVIEW);
        if (live.isContributor(reviewer)) {
            throw ownWork(WorkflowAction.CONFIRM_REVIEW);
        }
        reviewedAt(now);
        touch(now);
        return new Transition(AuditAction.CONFIRM_REVIEW, live, live.getState(), live.getState(),
                note == null || note.isBlank() ? null : note.strip());
    }

    private void reviewedAt(Instant when) {
        lastReviewedAt = when;
        nextReviewDue = null;
        overdueHandled = false;
    }

    /** Sets the next review from the last one and the category's interval. */
    public void scheduleNextReview(int months) {
        if (lastReviewedAt != null) {
            nextReviewDue = lastReviewedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
        }
    }

    public boolean isReviewOverdue(Instant now) {
        return nextReviewDue != null && !nextReviewDue.isAfter(now);
    }

    /** Records that the overdue policy ran for the current due date. */
    public void overdueHandled(Instant now) {
        overdueHandled = true;
        touch(now);
    }

    public boolean isOverdueHandled() {
        return overdueHandled;
    }

    public Instant getLastReviewedAt() {
        return lastReviewedAt;
    }

    public Instant getNextReviewDue() {
        return nextReviewDue;
    }

    public String getCorrectionNotice() {
        return correctionNotice;
    }

    public Instant getCorrectedAt() {
        return correctedAt;
    }

    /** Archives the article: the latest revision is ARCHIVED and a live one goes offline. */
    public List<Transition> archive(String reason, Instant now) {
        Revision latest = latestRevision;
        RevisionState from = latest.getState();
        RevisionState to = from.after(WorkflowAction.ARCHIVE);
        List<Transition> transitions = new ArrayList<>();
        if (liveRevision != null && liveRevision != latest) {
            transitions.add(unpublish("archived", now));
        }
        liveRevision = null;
        latest.cancelSchedule();
        latest.moveTo(to, now);
        touch(now);
        transitions.add(new Transition(AuditAction.ARCHIVE, latest, from, to, blankToNull(reason)));
        return transitions;
    }

    private Revision requireLive() {
        if (liveRevision == null) {
            throw notOnline();
        }
        return liveRevision;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every change ends here: the edit token moves, and the list copy is derived afresh. */
    private void touch(Instant now) {
        modifiedAt = now;
        listing = Listing.derivedFrom(latestRevision, liveRevision);
    }

    /**
     * Gives the article a new address. Once it was public the old one is kept as a {@link FormerSlug}, which the
     * caller persists, so links and search engines are sent on (301) rather than lost.
     *
     * @return the former address to keep, empty while the article was never public
     */
    public Optional<FormerSlug> changeSlug(String newSlug, Instant now) {
        String old = slug;
        slug = newSlug;
        return wasPublished ? Optional.of(new FormerSlug(old, this, now)) : Optional.empty();
    }

    /** The state the editors see: the latest revision's. */
    /** The list copy of the latest and live revision, as of the last change. */
    public Listing getListing() {
        return listing;
    }

    /**
     * Why {@code account} may not take {@code action} now, or empty when it may: the one answer the change path
     * enforces and the screens and the API show. Checked in this order: role, state (a live action needs something
     * online), a valid approval for publishing, then for sign-offs authorship, credentials and claims.
     */
    public Optional<Refusal> refusal(WorkflowAction action, Account account, SignOffChecks checks) {
        if (!action.allowedFor(account.getRoles())) {
            return Optional.of(Refusal.role(action, account.getRoles()));
        }
        Revision target = action.actsOnLive() ? liveRevision : latestRevision;
        if (target == null) {
            return Optional.of(new Refusal(Refusal.Reason.STATE, notOnline()));
        }
        if (!target.getState().allows(action)) {
            try {
                target.getState().after(action);
            } catch (CmsException refused) {
                return Optional.of(new Refusal(Refusal.Reason.STATE, refused));
            }
        }
        if (action == WorkflowAction.PUBLISH && !target.hasValidApproval()) {
            return Optional.of(new Refusal(Refusal.Reason.APPROVAL, approvalStale(target)));
        }
        if (action.isSignOff()) {
            if (target.isContributor(account)) {
                return Optional.of(new Refusal(Refusal.Reason.OWN_WORK, ownWork(action)));
            }
            Optional<CmsException> gate = checks.credentialProblem(account, target.getCategory());
            if (gate.isPresent()) {
                return Optional.of(new Refusal(Refusal.Reason.CREDENTIALS, gate.get()));
            }
            List<String> unjustified = action == WorkflowAction.APPROVE ? checks.unjustifiedClaims(target) : List.of();
            if (!unjustified.isEmpty()) {
                return Optional.of(new Refusal(Refusal.Reason.CLAIMS, new CmsException.Conflict(
                        "Flagged wording without a justification: " + String.join(", ", unjustified)
                                + "; request changes").withKey("error.claimsAtApproval", String.join("、", unjustified))));
            }
        }
        return Optional.empty();
    }

    /** Why {@code account} may not edit the article's text now (restore, address), or empty when it may. */
    public Optional<Refusal> refusalToEdit(Account account) {
        if (!account.has(org.healthportal.cms.accounts.entity.Role.EDITOR)) {
            return Optional.of(Refusal.notAnEditor());
        }
        RevisionState state = latestRevision.getState();
        if (!state.isEditableInPlace() && !state.startsNewRevisionOnEdit()) {
            return Optional.of(new Refusal(Refusal.Reason.STATE, notEditable(state)));
        }
        return Optional.empty();
    }

    // The refusals the guards above and refusal() share, so both say the same.

    private static CmsException notOnline() {
        return new CmsException.Conflict("The article is not online").withKey("error.notOnline");
    }

    private static CmsException approvalStale(Revision revision) {
        return new CmsException.Conflict("Revision " + revision.getNumber()
                + " has no approval matching its current text; it needs a new review").withKey("error.approvalStale");
    }

    private static CmsException ownWork(WorkflowAction action) {
        return new CmsException.Forbidden(action == WorkflowAction.APPROVE
                ? "You cannot approve a revision you wrote; another reviewer must approve it"
                : "You cannot re-review a revision you wrote").withKey("error.selfApproval");
    }

    private static CmsException notEditable(RevisionState state) {
        return new CmsException.Conflict(state == RevisionState.IN_REVIEW
                ? "The article is in review and cannot change until the reviewer approves it or requests changes"
                : "The article is " + state + " and cannot be edited").withKey("error.notEditable", state.name());
    }

    public RevisionState state() {
        return latestRevision.getState();
    }

    public boolean isLive() {
        return liveRevision != null;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public Revision getLatestRevision() {
        return latestRevision;
    }

    public Revision getLiveRevision() {
        return liveRevision;
    }

    public boolean isWasPublished() {
        return wasPublished;
    }

    public Instant getOriginalPublishedAt() {
        return originalPublishedAt;
    }

    /** Kept from the site it came from, for the public page's publish date; only before it is first public here. */
    public void originallyPublished(Instant when) {
        if (wasPublished) {
            throw new IllegalStateException("Article " + id + " is already public here");
        }
        originalPublishedAt = when;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public long getVersion() {
        return version;
    }
}
