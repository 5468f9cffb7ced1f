package org.healthportal.cms.content.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthportal.cms.accounts.control.CurrentUser;
import org.healthportal.cms.accounts.entity.Account;
import org.healthportal.cms.accounts.entity.Role;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.FormerSlug;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.content.entity.ArticleContent;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.control.CategoryService;
import org.healthportal.cms.workflow.control.AuditTrail;
import org.healthportal.cms.workflow.entity.AuditAction;
import org.healthportal.cms.workflow.entity.RevisionState;
import org.healthportal.cms.workflow.entity.Transition;

/**
 * Creating and editing articles. The body is sanitized here, before it reaches the entity; what may change when
 * is the entity's decision ({@link Article#edit}).
 */
@Stateless
public class ArticleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    CategoryService categories;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<ArticleChanged> changed;

    public Optional<Article> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Article.class, id));
    }

    public Article get(Long id) {
        return find(id).orElseThrow(() -> new CmsException.NotFound("No article with id " + id));
    }

    public Optional<Article> findBySlug(String slug) {
        return em.createNamedQuery("Article.bySlug", Article.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    public List<Revision> revisions(Long articleId) {
        get(articleId);
        return em.createNamedQuery("Revision.byArticle", Revision.class).setParameter("articleId", articleId)
                .getResultList();
    }

    /** A page of articles, filtered, ordered and counted in the database. */
    public Page<Article> list(ArticleQuery query, int page, int size) {
        return new Page<>(items(query, page, size), count(query), page, size);
    }

    /**
     * One page of articles. Lists read the article row's copy of its latest revision (see {@code Article.touch}),
     * so the database walks an index in the shown order and stops after the page instead of joining and sorting
     * every article.
     */
    public List<Article> items(ArticleQuery query, int page, int size) {
        int first = Page.offset(page, size);
        Filter filter = filter(query);
        if (filter == null) {
            return List.of();
        }
        String direction = query.ascending() ? " ASC" : " DESC";
        TypedQuery<Article> items = em.createQuery("SELECT a FROM Article a"
                + (filter.needsRevision() ? " JOIN a.latestRevision r" : "")
                + (query.sort() == ArticleQuery.Sort.AUTHOR ? " LEFT JOIN a.listedAuthor u" : "")
                + filter.where() + " ORDER BY " + query.sort().path + direction + ", a.id" + direction, Article.class);
        filter.parameters().forEach(items::setParameter);
        // The page's latest revisions in one more query rather than one each.
        items.setHint("eclipselink.batch", "a.latestRevision");
        items.setHint("eclipselink.batch.type", "IN");
        return items.setFirstResult(first).setMaxResults(size).getResultList();
    }

    /** How many articles match, counted in the database (an index range for the usual filters). */
    public long count(ArticleQuery query) {
        Filter filter = filter(query);
        if (filter == null) {
            return 0;
        }
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(a) FROM Article a"
                + (filter.needsRevision() ? " JOIN a.latestRevision r" : "") + filter.where(), Long.class);
        filter.parameters().forEach(total::setParameter);
        return total.getSingleResult();
    }

    /** The WHERE clause of a query; null when nothing can match (an unknown author or category). */
    private Filter filter(ArticleQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.state() != null) {
            where.append(" AND a.listedState = :state");
            parameters.put("state", query.state());
        }
        if (query.categoryId() != null) {
            // A category holds what its subcategories hold, as on the public site.
            List<Long> ids = categories.tree().subtreeIds(query.categoryId());
            if (ids.isEmpty()) {
                return null;
            }
            if (ids.size() == 1) {
                where.append(" AND a.listedCategory.id = :categoryId");
                parameters.put("categoryId", ids.get(0));
            } else {
                where.append(" AND a.listedCategory.id IN :categoryIds");
                parameters.put("categoryIds", ids);
            }
        }
        if (query.author() != null && !query.author().isBlank()) {
            // By id, so the author's index serves the filter without a join.
            List<Long> ids = em.createQuery("SELECT u.id FROM Account u WHERE u.username = :name", Long.class)
                    .setParameter("name", query.author().strip()).getResultList();
            if (ids.isEmpty()) {
                return null;
            }
            where.append(" AND a.listedAuthor.id = :authorId");
            parameters.put("authorId", ids.get(0));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(a.listedTitle) LIKE :text OR LOWER(a.listedSummary) LIKE :text"
                    + " OR a.slug LIKE :text)");
            parameters.put("text", "%" + likeSafe(query.text()) + "%");
        }
        boolean needsRevision = false;
        if (query.notContributedBy() != null) {
            needsRevision = true;
            where.append(" AND CONCAT(',', CONCAT(r.contributors, ',')) NOT LIKE :contributor");
            parameters.put("contributor", "%," + likeSafe(query.notContributedBy()) + ",%");
        }
        if (query.scheduled()) {
            // A range rather than IS NOT NULL, which H2 answers by reading every revision instead of the index.
            where.append(" AND a.id IN (SELECT s.article.id FROM Revision s WHERE s.publishAt > :epoch)");
            parameters.put("epoch", java.time.Instant.EPOCH);
        }
        if (query.live()) {
            where.append(" AND a.liveRevision IS NOT NULL");
        }
        if (query.reviewDueBefore() != null) {
            // Bounded below too, so the index range skips the articles without a due date (sorted first).
            where.append(" AND a.nextReviewDue > :epoch AND a.nextReviewDue <= :dueBefore");
            parameters.put("epoch", java.time.Instant.EPOCH);
            parameters.put("dueBefore", query.reviewDueBefore());
        }
        return new Filter(where.toString(), needsRevision, parameters);
    }

    private record Filter(String where, boolean needsRevision, Map<String, Object> parameters) {
    }

    private static String likeSafe(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
    }

    /**
     * Copies an earlier revision's text into a new draft. Refused while an unsaved-to-review draft with other text
     * exists, so that restoring never overwrites someone's draft.
     */
    public Article restore(Long id, int revisionNumber, Long expectedVersion) {
        Account editor = requireEditor();
        Article article = get(id);
        if (expectedVersion == null || article.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The article was changed by someone else; reload it").withKey("error.stale");
        }
        Revision source = revisions(id).stream().filter(r -> r.getNumber() == revisionNumber).findFirst()
                .orElseThrow(() -> new CmsException.NotFound("Article " + id + " has no revision " + revisionNumber));
        Revision latest = article.getLatestRevision();
        if (latest.getState().isEditableInPlace() && !latest.getContentHash().equals(source.getContentHash())) {
            throw new CmsException.Conflict("Revision " + latest.getNumber()
                    + " is a draft with other text; submit or change it before restoring an older revision")
                    .withKey("error.restoreOverDraft");
        }
        Instant now = clock.instant();
        Optional<Transition> saved = article.edit(source.content(), editor, now);
        if (saved.isPresent()) {
            Revision revision = saved.get().revision();
            if (revision.getId() == null) {
                em.persist(revision);
            }
            audit.record(editor.getUsername(), now,
                    List.of(saved.get().withComment("restored from revision " + revisionNumber)));
            flush();
            changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), false));
        }
        return article;
    }

    /**
     * Changes an article's address. An address it had while public keeps redirecting to it, and is never given to
     * another article; taking back one of its own former addresses makes it current again.
     */
    public Article changeSlug(Long id, String slug, Long expectedVersion) {
        Account editor = requireEditor();
        Article article = get(id);
        if (expectedVersion == null || article.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The article was changed by someone else; reload it").withKey("error.stale");
        }
        String wanted = Slugs.requireValid(slug);
        if (wanted.equals(article.getSlug())) {
            return article;
        }
        FormerSlug former = em.find(FormerSlug.class, wanted);
        if (findBySlug(wanted).isPresent() || former != null && !former.getArticle().getId().equals(id)) {
            throw new CmsException.Conflict("The slug " + wanted + " is already used by another article")
                    .withKey("error.slugTaken", wanted);
        }
        if (former != null) {
            em.remove(former);
            em.flush();
        }
        String old = article.getSlug();
        Instant now = clock.instant();
        article.changeSlug(wanted, now).ifPresent(em::persist);
        flush();
        Revision latest = article.getLatestRevision();
        audit.record(editor.getUsername(), now, List.of(new Transition(AuditAction.SLUG_CHANGE, latest,
                latest.getState(), latest.getState(), old + " → " + wanted)));
        if (article.isWasPublished()) {
            // Canonical links, lists and the sitemap name the new address.
            changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), true));
        }
        return article;
    }

    public long count() {
        return em.createNamedQuery("Article.count", Long.class).getSingleResult();
    }

    /** A new article with its first draft revision; the slug comes from the title when none is given. */
    public Article create(String title, String summary, String body, Long categoryId, String slug) {
        return create(title, summary, body, categoryId, slug, Sources.NONE);
    }

    public Article create(String title, String summary, String body, Long categoryId, String slug, Sources sources) {
        Account author = requireEditor();
        Instant now = clock.instant();
        ArticleContent content = content(title, summary, body, categoryId, sources);
        String wanted = slug == null || slug.isBlank() ? Slugs.fromTitle(title) : Slugs.requireValid(slug);
        if (slug != null && !slug.isBlank() && taken(wanted)) {
            throw new CmsException.Conflict("The slug " + wanted + " is already used by another article")
                    .withKey("error.slugTaken", wanted);
        }
        Article article = new Article(wanted.isEmpty() ? "draft-" + now.toEpochMilli() : uniqueSlug(wanted), now);
        em.persist(article);
        em.flush();
        Revision first = article.startFirstRevision(content, author, now);
        em.persist(first);
        if (wanted.isEmpty()) {
            // A title in Chinese only: the id keeps the URL short and stable.
            article.changeSlug(uniqueSlug("article-" + article.getId()), clock.instant());
        }
        audit.record(author.getUsername(), now,
                List.of(new Transition(AuditAction.CREATE, first, null, RevisionState.DRAFT)));
        flush();
        changed.fire(new ArticleChanged(article.getId(), article.getSlug(), false, false));
        return article;
    }

    /**
     * Saves an edit made against {@code expectedVersion}. A stale version is refused, never merged: the caller
     * reloads and sees the other person's change.
     */
    public Article update(Long id, String title, String summary, String body, Long categoryId, Long expectedVersion) {
        return update(id, title, summary, body, categoryId, expectedVersion, Sources.NONE);
    }

    /** As above; a save replaces source, author, audience and references as a whole. */
    public Article update(Long id, String title, String summary, String body, Long categoryId, Long expectedVersion,
                          Sources sources) {
        Account editor = requireEditor();
        if (expectedVersion == null) {
            throw new CmsException.InvalidInput("version is required");
        }
        Article article = get(id);
        if (article.getVersion() != expectedVersion) {
            throw new CmsException.Conflict("The article was changed by someone else (version " + article.getVersion()
                    + ", yours " + expectedVersion + "); reload it and apply your edit again").withKey("error.stale");
        }
        ArticleContent content = content(title, summary, body, categoryId, sources);
        Instant now = clock.instant();
        Optional<Transition> saved = article.edit(content, editor, now);
        if (saved.isPresent()) {
            Revision revision = saved.get().revision();
            if (revision.getId() == null) {
                em.persist(revision);
            }
            audit.record(editor.getUsername(), now, List.of(saved.get()));
            flush();
            changed.fire(new ArticleChanged(article.getId(), article.getSlug(), article.isLive(), false));
        }
        return article;
    }

    private ArticleContent content(String title, String summary, String body, Long categoryId, Sources sources) {
        return new ArticleContent(title, summary, HtmlSanitizer.sanitize(body), categories.get(categoryId),
                sources.source(), sources.byline(), sources.audience(), sources.references());
    }

    private Account requireEditor() {
        Account account = currentUser.require();
        if (!account.has(Role.EDITOR)) {
            throw new CmsException.Forbidden("Only editors create and edit articles").withKey("error.editorOnly");
        }
        return account;
    }

    /** In use as an article's address now, or kept as one it had. */
    private boolean taken(String slug) {
        return findBySlug(slug).isPresent() || em.find(FormerSlug.class, slug) != null;
    }

    private String uniqueSlug(String base) {
        String candidate = base;
        for (int n = 2; taken(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /** Writes now, so a lost race surfaces as a conflict here rather than as a failed commit. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new CmsException.Conflict("The article was changed by someone else at the same moment; reload it")
                    .withKey("error.stale");
        }
    }
}
