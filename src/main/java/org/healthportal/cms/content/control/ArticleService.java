package org.healthportal.cms.content.control;

import org.healthportal.cms.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthportal.cms.content.entity.Article;
import org.healthportal.cms.content.entity.Revision;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.taxonomy.control.CategoryService;

/**
 * Reading articles for the back office and the API: by id, by slug, their revisions, and paged lists filtered and
 * sorted in the database. Every change goes through {@link ArticleChanges}.
 */
@Stateless
public class ArticleService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CategoryService categories;

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
                + (query.sort() == ArticleQuery.Sort.AUTHOR ? " LEFT JOIN a.listing.author u" : "")
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
            where.append(" AND a.listing.state = :state");
            parameters.put("state", query.state());
        }
        if (query.categoryId() != null) {
            // A category holds what its subcategories hold, as on the public site.
            List<Long> ids = categories.tree().subtreeIds(query.categoryId());
            if (ids.isEmpty()) {
                return null;
            }
            if (ids.size() == 1) {
                where.append(" AND a.listing.category.id = :categoryId");
                parameters.put("categoryId", ids.get(0));
            } else {
                where.append(" AND a.listing.category.id IN :categoryIds");
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
            where.append(" AND a.listing.author.id = :authorId");
            parameters.put("authorId", ids.get(0));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(a.listing.title) LIKE :text OR LOWER(a.listing.summary) LIKE :text"
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

    public long count() {
        return em.createNamedQuery("Article.count", Long.class).getSingleResult();
    }
}
