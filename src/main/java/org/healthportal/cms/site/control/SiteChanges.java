package org.healthportal.cms.site.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.taxonomy.entity.CategoryChanged;
import org.healthportal.cms.workflow.control.ReviewPolicy;
import org.healthportal.cms.workflow.entity.ReviewPolicyChanged;

/**
 * Keeps this node's public caches right, and tells the other nodes to do the same.
 *
 * <p>After a change to an article commits, it looks up the article's live revision: if it is the one this node
 * already knew (an editor saved a draft), nothing public changed and nothing is dropped. Otherwise the article is
 * re-indexed, the rendered pages and shared lists are dropped, and a signal goes to every other node
 * ({@link SiteSignals}), whose listener drops its pages at once and re-indexes the article from the database.
 * A category change drops the pages and the category tree everywhere.
 */
@ApplicationScoped
public class SiteChanges {

    private static final Logger LOG = Logger.getLogger(SiteChanges.class.getName());
    private static final String ARTICLE = "article:";
    private static final String CATEGORY = "category:";
    private static final String POLICY = "policy:";

    @Inject
    PublicContent content;

    @Inject
    PageStore pages;

    @Inject
    SearchIndex index;

    @Inject
    SiteCategories categories;

    @Inject
    SiteLists lists;

    @Inject
    ReviewPolicy reviewPolicy;

    @Inject
    Instance<CacheManager> cacheManager;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** Article id to live revision id, as this node last saw it. */
    private final Map<Long, Long> liveRevisions = new ConcurrentHashMap<>();
    private SiteSignals signals;

    /** Called once at start, after the database is migrated. */
    public void start() {
        for (Object[] row : content.liveRevisionIds()) {
            liveRevisions.put((Long) row[0], (Long) row[1]);
        }
        CacheManager manager = null;
        try {
            manager = cacheManager.isResolvable() ? cacheManager.get() : null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No JCache CacheManager", e);
        }
        signals = SiteSignals.open(manager, this::received);
        executor.submit(() -> {
            try {
                index.rebuild(content);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Building the search index failed", e);
            }
        });
    }

    @PreDestroy
    void stop() {
        if (signals != null) {
            signals.close();
        }
    }

    void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged changed) {
        // Refresh first (it re-indexes a new live revision); a change to the page alone drops pages too.
        if (refresh(changed.articleId(), changed.publicPage()) | changed.publicPage()) {
            dropPages();
            send(ARTICLE + changed.articleId());
        }
    }

    void onCategory(@Observes(during = TransactionPhase.AFTER_SUCCESS) CategoryChanged changed) {
        categories.forget();
        dropPages();
        send(CATEGORY + changed.categoryId());
    }

    /** Pages show the overdue policy's notice and robots tag, and the sitemap leaves out noindex pages. */
    void onPolicy(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                  ReviewPolicyChanged changed) {
        reviewPolicy.forget();
        dropPages();
        send(POLICY + changed.policy());
    }

    /** A signal from another node: drop pages now (no container services needed), re-read the rest after. */
    void received(String signal) {
        if (signal.startsWith(CATEGORY)) {
            categories.forget();
            dropPages();
        } else if (signal.startsWith(POLICY)) {
            reviewPolicy.forget();
            dropPages();
        } else if (signal.startsWith(ARTICLE)) {
            dropPages();
            Long id = Long.valueOf(signal.substring(ARTICLE.length()));
            executor.submit(() -> {
                try {
                    if (refresh(id, true)) {
                        dropPages();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Re-indexing article " + id + " after a signal", e);
                }
            });
        }
    }

    /**
     * Brings this node's view of one article up to date; true when its live revision changed. With {@code always}
     * the live article is re-indexed even on the same revision: its address or page changed (a new slug).
     */
    synchronized boolean refresh(Long articleId, boolean always) {
        Optional<SearchDocument> live = content.searchDocument(articleId);
        Long now = live.map(SearchDocument::revisionId).orElse(null);
        Long before = now == null ? liveRevisions.remove(articleId) : liveRevisions.put(articleId, now);
        boolean changed = !Objects.equals(before, now);
        if (changed || always) {
            live.ifPresentOrElse(index::put, () -> index.remove(articleId));
        }
        return changed;
    }

    private void dropPages() {
        lists.forget();
        pages.clear();
    }

    private void send(String signal) {
        if (signals != null) {
            signals.send(signal);
        }
    }
}
