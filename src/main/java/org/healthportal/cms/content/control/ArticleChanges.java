package org.healthportal.cms.content.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.healthportal.cms.accounts.control.AccountService;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.ReviewerProfile;
import org.healthportal.cms.compliance.control.ClaimsService;
import org.healthportal.cms.compliance.control.DisclaimerService;
import org.healthportal.cms.compliance.entity.CredentialGate;
import org.healthportal.cms.compliance.entity.Disclaimer;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.content.entity.FormerSlug;
import org.healthportal.cms.content.entity.Refusal;
import org.healthportal.cms.content.entity.ReviewComment;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.content.entity.RevisionState;
import org.healthportal.cms.content.entity.Transition;
import org.healthportal.cms.content.entity.WorkflowAction;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.Slugs;
import org.healthportal.cms.platform.Zones;
import org.healthportal.cms.platform.audit.AuditAction;
import org.healthportal.cms.platform.audit.AuditTrail;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;

/**
 * The one path every change to an article takes, for the back office, the API and the timers alike: it loads
 * the article, asks the article whether the caller may ({@link Article#refusal}), calls the entity's behaviour,
 * records the audit events in the same transaction and fires one {@link ArticleChanged}, to which the site, the
 * search index and notifications react. Bodies are sanitized here, before they reach the entity.
 */
@Stateless
public class ArticleChanges {

    private static final Logger LOG = Logger.getLogger(ArticleChanges.class.getName());
    public static final int COMMENT_MAX = 4000;
    public static final String SCHEDULER = "system:scheduler";
    public static final String REVIEW_CYCLE = "system:review-cycle";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    ArticlePermissions permissions;

    @Inject
    ArticleService articles;

    @Inject
    CategoryService categories;

    @Inject
    DisclaimerService disclaimers;

    @Inject
    AccountService accounts;

    @Inject
    ClaimsService claims;

    @Inject
    ReviewPolicy reviewPolicy;

    @Inject
    AuditTrail audit;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    @Inject
    Event<ArticleChanged> changed;

    /** Applies a workflow action as the signed-in user; {@code publishAt} later than now schedules a publish. */
    public Article apply(Long articleId, WorkflowAction action, String comment, Instant publishAt) {
        return apply(articleId, action, comment, publishAt, Map.of());
    }

    /** As above; {@code justifications} answer the claims check at submission (term → why it stands). */
    public Article apply(Long articleId, WorkflowAction action, String comment, Instant publishAt,
                         Map<String, String> justifications) {
        return applyAs(currentUser.require(), articleId, action, comment, publishAt, justifications);
    }

    private Article applyAs(Account actor, Long articleId, WorkflowAction action, String comment, Instant publishAt,
                            Map<String, String> justifications) {
        // The role first, before anything is read: the answer does not depend on the article.
        if (!action.allowedFor(actor.getRoles())) {
            refuse(Refusal.role(action, actor.getRoles()));
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new CmsException.InvalidInput("comment is too long: at most " + COMMENT_MAX + " characters")
                    .withKey("error.commentTooLong", COMMENT_MAX);
        }
        Article article = articles.get(articleId);
        permissions.refusal(action, actor, article).ifPresent(ArticleChanges::refuse);
        Instant now = clock.instant();
        List<Transition> transitions = action.apply(article,
                new PersonRequest(actor, comment, publishAt, now, justifications == null ? Map.of() : justifications));
        if (article.isLive()) {
            article.scheduleNextReview(reviewPolicy.intervalFor(article.getLiveRevision().getCategory()));
        }
        return complete(article, actor.getUsername(), now, transitions);
    }

    /**
     * A new article with its first draft revision; the slug comes from the title (pinyin for Chinese) when none is
     * given. Only here: a later title never moves the address, only an editor's own slug does.
     */
    public Article create(ArticleDraft draft) {
        Account author = requireEditor();
        String slug = draft.slug();
        String wanted = slug == null || slug.isBlank() ? Slugs.fromTitle(draft.title()) : Slugs.requireValid(slug);
        if (slug != null && !slug.isBlank() && taken(wanted)) {
            throw slugTaken(wanted);
        }
        return start(draft, wanted, author, author, null, null);
    }

    /**
     * A draft moved in from another site (a WordPress import), created by {@code importer} and written by
     * {@code author}, who need not be signed in; {@code originallyPublished} is kept as the public page's publish
     * date. The address is the old slug (as pinyin where Chinese) where free, else derived as for {@link #create}.
     * Never published: it takes this site's review like any draft.
     */
    public Article importDraft(ArticleDraft draft, Account importer, Account author, Instant originallyPublished) {
        if (!author.has(org.healthportal.cms.accounts.entity.Role.EDITOR)
                && !author.has(org.healthportal.cms.accounts.entity.Role.ADMIN)) {
            refuse(Refusal.notAnEditor());
        }
        String wanted = draft.slug() == null ? "" : Slugs.fromTitle(draft.slug());
        return start(draft, wanted.isEmpty() ? Slugs.fromTitle(draft.title()) : wanted, importer, author,
                originallyPublished, "imported");
    }

    private Article start(ArticleDraft draft, String wanted, Account creator, Account author,
                          Instant originallyPublished, String note) {
        Instant now = clock.instant();
        ArticleContent content = content(draft);
        String free = wanted.isEmpty() ? null : freeSlug(wanted);
        Article article = new Article(free == null ? "draft-" + now.toEpochMilli() : free, now);
        if (originallyPublished != null) {
            article.originallyPublished(originallyPublished);
        }
        em.persist(article);
        em.flush();
        Revision first = article.startFirstRevision(content, author, now);
        em.persist(first);
        if (free == null) {
            // Nothing readable in the title (only punctuation, say), or a title used many times: the id keeps
            // the URL unique at the cost of one lookup, however often the title recurs.
            String base = wanted.isEmpty() ? "article" : wanted;
            article.changeSlug(uniqueSlug(base + "-" + article.getId()), now);
        }
        return complete(article, creator.getUsername(), now,
                List.of(new Transition(AuditAction.CREATE, first, null, RevisionState.DRAFT, note)));
    }

    /**
     * Submits an imported draft for review in its author's name, as the author would: refused as for anyone (the
     * claims check included), and then the draft stays as it is.
     */
    public Article submitImported(Long articleId, Account author) {
        return applyAs(author, articleId, WorkflowAction.SUBMIT, null, null, Map.of());
    }

    /**
     * Saves an edit made against {@code expectedVersion}: text, sources, references and address together, in one
     * transaction, so a refused address (or anything else refused) changes nothing. A stale version is refused,
     * never merged: the caller reloads and sees the other person's change. Once the article was public, its old
     * address keeps redirecting (301) to the new one.
     */
    public Article save(Long id, Long expectedVersion, ArticleDraft draft) {
        Account editor = requireEditor();
        if (expectedVersion == null) {
            throw new CmsException.InvalidInput("version is required");
        }
        Article article = articles.get(id);
        requireVersion(article, expectedVersion);
        String wanted = draft.slug() == null || draft.slug().isBlank() ? null : Slugs.requireValid(draft.slug());
        boolean moves = wanted != null && !wanted.equals(article.getSlug());
        FormerSlug former = moves ? requireFree(wanted, article) : null;
        ArticleContent content = content(draft);
        Instant now = clock.instant();
        List<Transition> transitions = new ArrayList<>();
        article.edit(content, editor, now).ifPresent(saved -> {
            if (saved.revision().getId() == null) {
                em.persist(saved.revision());
            }
            transitions.add(saved);
        });
        if (moves) {
            transitions.add(move(article, wanted, former, now));
        }
        return complete(article, editor.getUsername(), now, transitions);
    }

    /**
     * Copies an earlier revision's text into a new draft. Refused while a draft with other text exists, so that
     * restoring never overwrites someone's draft.
     */
    public Article restore(Long id, int revisionNumber, Long expectedVersion) {
        Account editor = requireEditor();
        Article article = articles.get(id);
        requireVersion(article, expectedVersion);
        Revision source = articles.revisions(id).stream().filter(r -> r.getNumber() == revisionNumber).findFirst()
                .orElseThrow(() -> new CmsException.NotFound("Article " + id + " has no revision " + revisionNumber));
        Revision latest = article.getLatestRevision();
        if (latest.getState().isEditableInPlace() && !latest.getContentHash().equals(source.getContentHash())) {
            throw new CmsException.Conflict("Revision " + latest.getNumber()
                    + " is a draft with other text; submit or change it before restoring an older revision")
                    .withKey("error.restoreOverDraft");
        }
        Instant now = clock.instant();
        List<Transition> transitions = new ArrayList<>();
        article.edit(source.content(), editor, now).ifPresent(saved -> {
            if (saved.revision().getId() == null) {
                em.persist(saved.revision());
            }
            transitions.add(saved.withComment("restored from revision " + revisionNumber));
        });
        return complete(article, editor.getUsername(), now, transitions);
    }

    /**
     * Publishes one scheduled revision if it is still due. Called by the scheduler in its own transaction; with
     * several nodes all may try, and the article's version lets exactly one of them commit. A publication the
     * article refuses (its approval no longer matches, say) drops the schedule and is audited as failed.
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
        complete(article, SCHEDULER, now, transitions);
        return transitions.stream().anyMatch(t -> t.action() == AuditAction.PUBLISH);
    }

    /**
     * Applies the overdue-review policy to one article, once per due date: audited, and under the unpublish policy
     * taken offline. With several nodes the article's version lets one of them apply it.
     */
    public void handleOverdue(Long articleId) {
        Article article = articles.find(articleId).orElse(null);
        Instant now = clock.instant();
        if (article == null || !article.isLive() || !article.isReviewOverdue(now) || article.isOverdueHandled()) {
            return;
        }
        List<Transition> transitions = new ArrayList<>();
        Revision live = article.getLiveRevision();
        transitions.add(new Transition(AuditAction.REVIEW_OVERDUE, live, live.getState(), live.getState(),
                "review due " + article.getNextReviewDue() + "; policy " + reviewPolicy.overdue()));
        if (reviewPolicy.overdue() == ReviewPolicy.Overdue.UNPUBLISH) {
            transitions.add(article.unpublish("review overdue", now));
        }
        article.overdueHandled(now);
        complete(article, REVIEW_CYCLE, now, transitions);
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

    /**
     * Every change ends here: written now (a lost race surfaces as {@link CmsException.Stale} here rather than as
     * a failed commit), audited in the same transaction, then announced once. Nothing changed, nothing announced.
     */
    private Article complete(Article article, String actor, Instant now, List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return article;
        }
        Revision latest = article.getLatestRevision();
        if (latest.getState().isEditableInPlace()) {
            // Counted at each write, so the article list can say which drafts have wording to check.
            latest.claimsChecked(claims.check(latest.getTitle(), latest.getSummary(), latest.getBody()).size());
        }
        flush();
        audit.record(transitions.stream().map(t -> t.event(actor, now)).toList());
        changed.fire(ArticleChanged.of(article, actor, transitions));
        return article;
    }

    private static void refuse(Refusal refusal) {
        throw refusal.failure();
    }

    private Account requireEditor() {
        Account account = currentUser.require();
        if (!account.has(org.healthportal.cms.accounts.entity.Role.EDITOR)) {
            refuse(Refusal.notAnEditor());
        }
        return account;
    }

    private static void requireVersion(Article article, Long expected) {
        if (expected == null || article.getVersion() != expected) {
            throw new CmsException.Stale("The article was changed by someone else (version " + article.getVersion()
                    + ", yours " + expected + "); reload it and apply your edit again");
        }
    }

    private ArticleContent content(ArticleDraft draft) {
        Sources sources = draft.sources();
        return new ArticleContent(draft.title(), draft.summary(), HtmlSanitizer.sanitize(draft.body()),
                categories.get(draft.categoryId()), sources.source(), sources.byline(), sources.audience(),
                sources.references());
    }

    /**
     * Refuses an address another article uses or once used (it still redirects there); returns the article's own
     * former address of that name, which it takes back.
     */
    private FormerSlug requireFree(String wanted, Article article) {
        FormerSlug former = em.find(FormerSlug.class, wanted);
        if (articles.findBySlug(wanted).isPresent() || former != null && !former.getArticle().getId().equals(article.getId())) {
            throw slugTaken(wanted);
        }
        return former;
    }

    private Transition move(Article article, String wanted, FormerSlug former, Instant now) {
        if (former != null) {
            em.remove(former);
            flush();
        }
        String old = article.getSlug();
        article.changeSlug(wanted, now).ifPresent(em::persist);
        Revision latest = article.getLatestRevision();
        return new Transition(AuditAction.SLUG_CHANGE, latest, latest.getState(), latest.getState(),
                old + " → " + wanted);
    }

    private static CmsException slugTaken(String slug) {
        return new CmsException.Conflict("The slug " + slug + " is already used by another article")
                .withKey("error.slugTaken", slug);
    }

    /** In use as an article's address now, or kept as one it had. */
    private boolean taken(String slug) {
        return articles.findBySlug(slug).isPresent() || em.find(FormerSlug.class, slug) != null;
    }

    /** The title's slug, or it with -2 … -9; null when all are taken. */
    private String freeSlug(String base) {
        if (!taken(base)) {
            return base;
        }
        for (int n = 2; n < 10; n++) {
            if (!taken(base + "-" + n)) {
                return base + "-" + n;
            }
        }
        return null;
    }

    private String uniqueSlug(String base) {
        String candidate = base;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new CmsException.Stale("The article was changed by someone else at the same moment; reload it");
        }
    }

    /** A person's request, with the services' answers an action may need. */
    private final class PersonRequest implements WorkflowAction.Request {
        private final Account actor;
        private final String comment;
        private final Instant publishAt;
        private final Instant now;
        private final Map<String, String> justifications;

        PersonRequest(Account actor, String comment, Instant publishAt, Instant now, Map<String, String> justifications) {
            this.actor = actor;
            this.comment = comment;
            this.publishAt = publishAt;
            this.now = now;
            this.justifications = justifications;
        }

        @Override
        public Account actor() {
            return actor;
        }

        @Override
        public String comment() {
            return comment;
        }

        @Override
        public Instant publishAt() {
            return publishAt;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Disclaimer disclaimer() {
            return disclaimers.current();
        }

        @Override
        public String signOff(Revision revision) {
            // Asked again inside the transaction that records it: the credentials as they stand at this moment.
            Optional<ReviewerProfile> credentials = accounts.findReviewerProfile(actor);
            CredentialGate.check(credentials, revision.getCategory(), LocalDate.ofInstant(now, zones.zone()));
            return CredentialGate.snapshot(credentials.get());
        }

        @Override
        public void submitted(Revision revision) {
            claims.recordAtSubmission(revision, justifications, actor.getUsername());
        }

        @Override
        public void commented(Transition requested) {
            em.persist(new ReviewComment(requested.revision(), actor, now, requested.comment()));
        }
    }
}
