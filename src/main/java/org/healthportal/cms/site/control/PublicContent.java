package org.healthportal.cms.site.control;

import org.healthportal.cms.platform.audit.AuditAction;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.healthportal.cms.platform.Page;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Reference;

/**
 * What the public may read: only live revisions, never a draft, whatever the latest revision is. Every query here
 * joins {@code Article.liveRevision}; lists read projections without the body.
 *
 * <p>Reads start their own transaction ({@code REQUIRES_NEW}) because they are also called from observers that run
 * after another transaction completed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PublicContent {

    private static final String TEASER = "SELECT NEW org.healthportal.cms.site.control.ArticleTeaser("
            + "a.id, a.slug, r.title, r.summary, r.publishedAt) FROM Article a JOIN a.liveRevision r";

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    java.time.Clock clock;

    /** The live article with this slug and what its page shows besides: first publication, review history. */
    public Optional<LivePage> livePage(String slug) {
        return findLive(slug).map(a -> new LivePage(a, firstPublished(a.articleId()).orElse(a.publishedAt()),
                reviewHistory(a.articleId())));
    }

    /**
     * The live revision of the article with this slug, with its reviewer's credentials, its disclaimer and its
     * references, as projections (no entity and its eager relations is loaded for a public page).
     */
    public Optional<ArticleView> findLive(String slug) {
        Optional<LiveRow> found = em.createQuery("SELECT NEW " + LiveRow.class.getName() + "(a.id, a.slug, r.id,"
                        + " r.title, r.summary, r.body, c.id, r.publishedAt, r.approvedAt, ap.id, ap.displayName,"
                        + " d.versionNumber, d.textZh, a.correctionNotice, a.correctedAt, a.lastReviewedAt,"
                        + " a.nextReviewDue, r.source, r.byline, r.audience)"
                        + " FROM Article a JOIN a.liveRevision r JOIN r.category c LEFT JOIN r.approvedBy ap"
                        + " LEFT JOIN r.disclaimer d WHERE a.slug = :slug", LiveRow.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
        return found.map(row -> {
            Credentials credentials = row.reviewerId() == null ? Credentials.NONE : em.createQuery(
                            "SELECT NEW " + Credentials.class.getName() + "(p.professionalTitle, p.institution)"
                                    + " FROM ReviewerProfile p WHERE p.account.id = :id", Credentials.class)
                    .setParameter("id", row.reviewerId()).getResultStream().findFirst().orElse(Credentials.NONE);
            return new ArticleView(row.articleId(), row.slug(), row.revisionId(), row.title(), row.summary(),
                    row.body(), row.categoryId(), row.publishedAt(), row.approvedAt(), row.reviewerName(),
                    credentials.title(), credentials.institution(), row.disclaimerVersion(), row.disclaimerText(),
                    row.correctionNotice(), row.correctedAt(), row.lastReviewedAt(), row.nextReviewDue(),
                    row.source(), row.byline(), row.audience(), references(row.revisionId()),
                    row.nextReviewDue() != null && !row.nextReviewDue().isAfter(clock.instant()));
        });
    }

    /** The live revision's row as the article page's query reads it, before its references and credentials. */
    public record LiveRow(Long articleId, String slug, Long revisionId, String title, String summary, String body,
                          Long categoryId, Instant publishedAt, Instant approvedAt, Long reviewerId,
                          String reviewerName, Integer disclaimerVersion, String disclaimerText,
                          String correctionNotice, Instant correctedAt, Instant lastReviewedAt, Instant nextReviewDue,
                          String source, String byline, String audience) {
    }

    /** What the page shows of the approving reviewer's credentials. */
    public record Credentials(String title, String institution) {
        static final Credentials NONE = new Credentials(null, null);
    }

    /** One sitemap entry: the address and when its live text was published. */
    public record SitemapEntry(String slug, Instant publishedAt) {
    }

    /** A live article, the revision the public reads and the category it is listed in. */
    public record LiveRevision(Long articleId, Long revisionId, Long categoryId) {
    }

    private List<Reference> references(Long revisionId) {
        return em.createQuery("SELECT NEW org.healthportal.cms.content.entity.Reference(f.title, f.publisher, f.year,"
                        + " f.link) FROM Revision r JOIN r.references f WHERE r.id = :id ORDER BY INDEX(f)",
                        Reference.class)
                .setParameter("id", revisionId).getResultList();
    }

    /** The article's public review history, newest first: publications, re-reviews and corrections. */
    public List<ReviewHistoryEntry> reviewHistory(Long articleId) {
        return em.createQuery("SELECT NEW org.healthportal.cms.site.control.ReviewHistoryEntry(e.occurredAt, e.action,"
                        + " e.revisionNumber) FROM AuditEvent e WHERE e.articleId = :id AND e.action IN :actions"
                        + " ORDER BY e.occurredAt DESC", ReviewHistoryEntry.class)
                .setParameter("id", articleId)
                .setParameter("actions", List.of(org.healthportal.cms.platform.audit.AuditAction.PUBLISH,
                        org.healthportal.cms.platform.audit.AuditAction.CONFIRM_REVIEW,
                        org.healthportal.cms.platform.audit.AuditAction.CORRECT))
                .setMaxResults(6).getResultList();
    }

    /** The id of the live article with this slug; cheaper than {@link #findLive}. */
    public Optional<Long> liveId(String slug) {
        return em.createQuery("SELECT a.id FROM Article a WHERE a.slug = :slug AND a.liveRevision IS NOT NULL",
                Long.class).setParameter("slug", slug).setMaxResults(1).getResultStream().findFirst();
    }

    /** The current address of the article that had this one while public; empty when no article had it. */
    public Optional<String> currentSlugOf(String formerSlug) {
        return em.createNamedQuery("FormerSlug.currentSlug", String.class).setParameter("slug", formerSlug)
                .getResultStream().findFirst();
    }

    /** True when the slug names an article that was public once and is not now (410 rather than 404). */
    public boolean wasPublic(String slug) {
        return em.createNamedQuery("Article.bySlug", Article.class).setParameter("slug", slug)
                .getResultStream().anyMatch(a -> a.isWasPublished() && !a.isLive());
    }

    /**
     * When the article first went public: on the site it was imported from, else the earliest publication of any of
     * its revisions here.
     */
    public Optional<Instant> firstPublished(Long articleId) {
        // One query on the page's path: the import's date beside the earliest publication here. Not MIN() or
        // COALESCE(): a function bypasses the attribute converter on some databases.
        return em.createQuery("SELECT a.originalPublishedAt, r.publishedAt FROM Revision r JOIN r.article a"
                        + " WHERE a.id = :id AND r.publishedAt IS NOT NULL ORDER BY r.publishedAt", Object[].class)
                .setParameter("id", articleId).setMaxResults(1).getResultStream().findFirst()
                .map(row -> (Instant) (row[0] != null ? row[0] : row[1]));
    }

    /**
     * The newest live articles. Ordered by the article row's copy of its live revision's publication time, which
     * an index keeps in this order: sorting the live revisions instead read all of them, over a second at 100,000
     * articles, and every page that lists the newest waited for it after each publication.
     */
    public List<ArticleTeaser> latest(int max) {
        return em.createQuery(TEASER + " WHERE a.listing.publishedAt IS NOT NULL"
                        + " ORDER BY a.listing.publishedAt DESC, a.id DESC", ArticleTeaser.class)
                .setMaxResults(max).getResultList();
    }

    /**
     * Newest live articles in any of these categories, except one article: the newest of each category, read a
     * category at a time through the article row's index on (live category, publication time) and merged here. One
     * query over all of them sorted every live article of the subtree; reading the revisions instead, H2 fetched
     * each of the category's revisions with its body, after every publication, for every category.
     */
    public List<ArticleTeaser> inCategories(Collection<Long> categoryIds, Long exceptArticleId, int max) {
        List<ArticleTeaser> newest = new ArrayList<>();
        for (Long categoryId : new LinkedHashSet<>(categoryIds)) {
            // Ordered by the category too, fixed as it is: H2 walks an index in order only for an ORDER BY that
            // begins with its first column.
            newest.addAll(em.createQuery(TEASER + " WHERE a.listing.liveCategoryId = :id AND a.id <> :except"
                            + " ORDER BY a.listing.liveCategoryId, a.listing.publishedAt DESC, a.id DESC",
                            ArticleTeaser.class)
                    .setParameter("id", categoryId)
                    .setParameter("except", exceptArticleId == null ? -1L : exceptArticleId)
                    .setMaxResults(max).getResultList());
        }
        newest.sort(Comparator.comparing(ArticleTeaser::publishedAt, Comparator.reverseOrder())
                .thenComparing(ArticleTeaser::id, Comparator.reverseOrder()));
        return newest.size() > max ? List.copyOf(newest.subList(0, max)) : newest;
    }

    /**
     * A page of the live articles in these categories, newest first, cut and counted in the database on the article
     * rows alone (their live category and publication time); only the page's own revisions are read, not the
     * subtree's with their bodies.
     */
    public Page<ArticleTeaser> pageInCategories(Collection<Long> categoryIds, int page, int size) {
        if (categoryIds.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        long total = em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.listing.liveCategoryId IN :ids",
                Long.class).setParameter("ids", categoryIds).getSingleResult();
        if (total <= (long) page * size) {
            return new Page<>(List.of(), total, page, size);
        }
        List<Long> ids = em.createQuery("SELECT a.id FROM Article a WHERE a.listing.liveCategoryId IN :ids"
                        + " ORDER BY a.listing.publishedAt DESC, a.id DESC", Long.class)
                .setParameter("ids", categoryIds).setFirstResult(page * size).setMaxResults(size).getResultList();
        List<ArticleTeaser> items = ids.isEmpty() ? List.of()
                : em.createQuery(TEASER + " WHERE a.id IN :ids ORDER BY a.listing.publishedAt DESC, a.id DESC",
                        ArticleTeaser.class).setParameter("ids", ids).getResultList();
        return new Page<>(items, total, page, size);
    }

    /** Live articles by slug, in the order given; unknown or offline slugs are left out. */
    public List<ArticleTeaser> bySlugs(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<ArticleTeaser> found = em.createQuery(TEASER + " WHERE a.slug IN :slugs", ArticleTeaser.class)
                .setParameter("slugs", slugs).getResultList();
        return slugs.stream().flatMap(s -> found.stream().filter(t -> t.slug().equals(s)).limit(1)).toList();
    }

    /** Live articles for the sitemap; with {@code overdueAt}, leaving out those overdue then (noindex policy). */
    public long countListed(Instant overdueAt) {
        var query = em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.liveRevision IS NOT NULL"
                + notOverdue(overdueAt), Long.class);
        if (overdueAt != null) {
            query.setParameter("at", overdueAt);
        }
        return query.getSingleResult();
    }

    /** One slice of the sitemap's articles: slug and last change, ordered by id. */
    public List<SitemapEntry> sitemapSlice(Instant overdueAt, int first, int max) {
        var query = em.createQuery("SELECT NEW " + SitemapEntry.class.getName() + "(a.slug, r.publishedAt)"
                + " FROM Article a JOIN a.liveRevision r WHERE 1 = 1" + notOverdue(overdueAt) + " ORDER BY a.id",
                SitemapEntry.class);
        if (overdueAt != null) {
            query.setParameter("at", overdueAt);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    private static String notOverdue(Instant overdueAt) {
        return overdueAt == null ? "" : " AND (a.nextReviewDue IS NULL OR a.nextReviewDue > :at)";
    }

    /** The live revision id of every live article: what each node compares change signals against. */
    public List<LiveRevision> liveRevisionIds() {
        // The article rows alone: a node reads this for every live article before it is ready, and a join to the
        // revisions read their bodies too (over a second at 100,000 articles).
        return em.createQuery("SELECT NEW " + LiveRevision.class.getName() + "(a.id, a.liveRevision.id,"
                + " a.listing.liveCategoryId) FROM Article a WHERE a.liveRevision IS NOT NULL", LiveRevision.class)
                .getResultList();
    }

    /** The live revision id of one article, empty when it is offline or gone. */
    public Optional<Long> liveRevisionId(Long articleId) {
        return em.createQuery("SELECT a.liveRevision.id FROM Article a WHERE a.id = :id AND a.liveRevision IS NOT NULL",
                Long.class).setParameter("id", articleId).getResultStream().findFirst();
    }

    /** Live articles with their text for the search index, {@code max} at a time after the id {@code afterId}. */
    public List<SearchDocument> searchDocuments(long afterId, int max) {
        return em.createQuery("SELECT NEW org.healthportal.cms.site.control.SearchDocument(a.id, r.id, a.slug, r.title,"
                        + " r.summary, r.body, r.publishedAt, r.category.id) FROM Article a JOIN a.liveRevision r WHERE a.id > :after"
                        + " ORDER BY a.id", SearchDocument.class)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /** One live article for the search index, empty when it is not live. */
    public Optional<SearchDocument> searchDocument(Long articleId) {
        return em.createQuery("SELECT NEW org.healthportal.cms.site.control.SearchDocument(a.id, r.id, a.slug, r.title,"
                        + " r.summary, r.body, r.publishedAt, r.category.id) FROM Article a JOIN a.liveRevision r WHERE a.id = :id",
                        SearchDocument.class)
                .setParameter("id", articleId).getResultStream().findFirst();
    }
}
