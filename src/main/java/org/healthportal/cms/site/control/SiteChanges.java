package org.healthportal.cms.site.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.CacheManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.site.entity.SiteChange;
import org.healthportal.cms.taxonomy.entity.CategoryChanged;
import org.healthportal.cms.taxonomy.control.ReviewPolicy;
import org.healthportal.cms.taxonomy.entity.ReviewPolicyChanged;

/**
 * Keeps every node's public caches right: its stored pages, shared lists, category tree and search index.
 *
 * <p>Each change that may alter the public site is written to the change log ({@link SiteChangeLog}) in its own
 * transaction. Once it commits, this node applies it and signals the other nodes over the data grid
 * ({@link SiteSignals}), which apply it at once. The database is the truth, the grid only makes it instant: every
 * node also reads the log every {@code cms.site.change-poll} (2 s by default), so a node that never joined the
 * grid, or sits on the other side of a split, is at most that far behind. A change already applied (signal
 * heard, or made here) is skipped when read.
 *
 * <p>Applying an article change looks up its live revision: if it is the one this node already knew (an editor
 * saved a draft), nothing public changed and nothing is dropped. Otherwise the article is re-indexed, the shared
 * lists are read again when next needed, and the stored pages that show the article, or where a publication
 * appears, are dropped ({@link CacheTags#changed}): not every page, so a publication costs a bounded amount of
 * work however many pages are stored. Category and review-policy changes drop every page.
 */
@ApplicationScoped
public class SiteChanges {

    private static final Logger LOG = Logger.getLogger(SiteChanges.class.getName());
    private static final int BATCH = 500;
    private static final int MAX_MISSING = 10_000;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** Everything: the category tree and the review policy show on every page. */
    private static final List<String> ALL = List.of(CacheTags.SITE);

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
    SiteChangeLog log;

    @Inject
    Clock clock;

    @Inject
    Instance<CacheManager> cacheManager;

    @Inject
    @ConfigProperty(name = "cms.site.change-poll", defaultValue = "PT2S")
    Duration pollEvery;

    /** How long an id skipped in the log is waited for (a transaction that took its id and has not committed). */
    @Inject
    @ConfigProperty(name = "cms.site.change-gap-grace", defaultValue = "PT1M")
    Duration gapGrace;

    /** How long the log keeps changes; a node that could not read it for longer rebuilds its view instead. */
    @Inject
    @ConfigProperty(name = "cms.site.change-retention", defaultValue = "PT6H")
    Duration retention;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /**
     * Each live article's revision and the category it is listed in, as this node last saw them: a move or a
     * withdrawal makes that category's pages stale too, the later ones of which never showed the article itself.
     */
    private final Map<Long, PublicContent.LiveRevision> liveArticles = new ConcurrentHashMap<>();
    /**
     * Open once {@link #liveArticles} has been read at start. The read runs beside the rest of the start (over a
     * second at 100,000 articles), and what needs the map waits for it: only changes in a node's first seconds.
     */
    private final CountDownLatch liveArticlesRead = new CountDownLatch(1);
    private volatile boolean liveArticlesUnread = true;
    /** Tokens of the changes this node has applied, kept while their rows may still be read. */
    private final Map<String, Instant> applied = new ConcurrentHashMap<>();
    private SiteSignals signals;
    private ScheduledFuture<?> polling;
    // Read and written by the polling thread only (and by start, before polling begins).
    private ChangeCursor cursor;
    private Instant lastRead;
    private Instant lastPurge;
    private boolean unreadable;

    /** The live revision of an article as this node last saw it; null when offline (or unknown here yet). */
    public Long knownLiveRevision(Long articleId) {
        awaitLiveArticles();
        PublicContent.LiveRevision known = liveArticles.get(articleId);
        return known == null ? null : known.revisionId();
    }

    /** The category the article's live revision is listed in, as this node last saw it; null when offline. */
    public Long knownLiveCategory(Long articleId) {
        awaitLiveArticles();
        PublicContent.LiveRevision known = liveArticles.get(articleId);
        return known == null ? null : known.categoryId();
    }

    /** Called once at start, after the database is migrated. */
    public void start() {
        Instant now = clock.instant();
        // Taken before the live revisions are read: what commits meanwhile is read again, never missed.
        cursor = new ChangeCursor(log.latestId(), gapGrace, MAX_MISSING);
        lastRead = now;
        lastPurge = now;
        CacheManager manager = null;
        try {
            manager = cacheManager.isResolvable() ? cacheManager.get() : null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No JCache CacheManager", e);
        }
        signals = SiteSignals.open(manager, this::received);
        executor.submit(() -> {
            try {
                readLiveArticles();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading the live articles at start: read again at the next change", e);
            } finally {
                liveArticlesRead.countDown();
            }
            try {
                index.rebuild(content);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Building the search index failed", e);
            }
        });
        long millis = Math.max(100, pollEvery.toMillis());
        polling = scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads every live article's revision and category. The node serves pages meanwhile; a change it applied
     * before knowing the live revisions could have judged a stored page current, so every page stored so far goes.
     */
    private synchronized void readLiveArticles() {
        if (!liveArticlesUnread) {
            return;
        }
        for (PublicContent.LiveRevision row : content.liveRevisionIds()) {
            liveArticles.put(row.articleId(), row);
        }
        liveArticlesUnread = false;
        dropPages(ALL);
    }

    private void awaitLiveArticles() {
        if (!liveArticlesUnread) {
            return;
        }
        try {
            if (!liveArticlesRead.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The live articles are still being read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the live articles were read", e);
        }
        // The read at start failed (the database was down): this caller reads them.
        readLiveArticles();
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (signals != null) {
            signals.close();
        }
    }

    // The observers run inside the change's transaction: the log row commits, or rolls back, with it.

    void onArticle(@Observes ArticleChanged changed) {
        log.record(SiteChange.Kind.ARTICLE, changed.articleId(), changed.publicPage(), this::committed);
    }

    void onCategory(@Observes CategoryChanged changed) {
        log.record(SiteChange.Kind.CATEGORY, changed.categoryId(), true, this::committed);
    }

    /** Pages show the overdue policy's notice and robots tag, and the sitemap leaves out noindex pages. */
    void onPolicy(@Observes ReviewPolicyChanged changed) {
        log.record(SiteChange.Kind.POLICY, null, true, this::committed);
    }

    /** A change made on this node has committed: apply it here, and tell the other nodes when the public sees it. */
    void committed(SiteChange change) {
        boolean first = applied.putIfAbsent(change.getToken(), clock.instant()) == null;
        // Not first: this node's poll read the row between the commit and now, and applied it already (the signal
        // then names no tags, and the other nodes drop every page rather than guess).
        List<String> stale = first ? apply(change.getKind(), change.getSubject(), change.isPublicPage()) : ALL;
        if (stale != null) {
            send(new Signal(change.getToken(), change.getKind(), change.getSubject(), stale).encode());
        }
    }

    /** A signal from another node: drop pages now (no container services needed), re-read the rest after. */
    void received(String text) {
        Signal signal = Signal.decode(text);
        if (signal == null || applied.putIfAbsent(signal.token(), clock.instant()) != null) {
            return;
        }
        switch (signal.kind()) {
            case CATEGORY -> {
                categories.forget();
                dropPages(ALL);
            }
            case POLICY -> {
                reviewPolicy.forget();
                dropPages(ALL);
            }
            case ARTICLE -> {
                dropPages(signal.tags());
                executor.submit(() -> {
                    try {
                        List<String> stale = refresh(signal.subject(), true);
                        if (stale != null) {
                            dropPages(stale);
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Re-indexing article " + signal.subject() + " after a signal", e);
                    }
                });
            }
        }
    }

    /** Reads the change log for what this node has not applied yet; runs every {@code cms.site.change-poll}. */
    void poll() {
        try {
            Instant now = clock.instant();
            if (lastRead.plus(retention).isBefore(now)) {
                resynchronize(now);
            } else {
                applyAll(read(), now);
            }
            lastRead = now;
            if (unreadable) {
                unreadable = false;
                LOG.info("The change log can be read again: this node follows every change");
            }
            forgetOld(now);
        } catch (RuntimeException | Error e) {
            // An exception would end the schedule: every failure is caught, and the next poll tries again.
            if (!unreadable) {
                unreadable = true;
                LOG.log(Level.WARNING, "Cannot read the change log (is the database away?); retrying every "
                        + pollEvery.toSeconds() + " s: {0}", e.toString());
            }
        }
    }

    private List<SiteChange> read() {
        List<SiteChange> changes = new ArrayList<>();
        List<Long> missing = cursor.missing(BATCH);
        if (!missing.isEmpty()) {
            changes.addAll(log.withIds(missing));
        }
        long after = cursor.newest();
        List<SiteChange> batch;
        do {
            batch = log.after(after, BATCH);
            changes.addAll(batch);
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).getId();
            }
        } while (batch.size() == BATCH);
        return changes;
    }

    private void applyAll(List<SiteChange> changes, Instant now) {
        boolean categoriesChanged = false;
        boolean policyChanged = false;
        // One refresh per article however often it changed; true when its page changed even on the same revision.
        Map<Long, Boolean> articles = new LinkedHashMap<>();
        for (SiteChange change : changes) {
            if (!cursor.accept(change.getId(), now) || applied.putIfAbsent(change.getToken(), now) != null) {
                continue;
            }
            switch (change.getKind()) {
                case CATEGORY -> categoriesChanged = true;
                case POLICY -> policyChanged = true;
                case ARTICLE -> articles.merge(change.getSubject(), change.isPublicPage(), Boolean::logicalOr);
            }
        }
        cursor.expire(now);
        if (categoriesChanged) {
            categories.forget();
        }
        if (policyChanged) {
            reviewPolicy.forget();
        }
        Set<String> stale = new LinkedHashSet<>();
        if (categoriesChanged || policyChanged) {
            stale.addAll(ALL);
        }
        for (Map.Entry<Long, Boolean> article : articles.entrySet()) {
            List<String> tags = refresh(article.getKey(), article.getValue());
            if (tags != null) {
                stale.addAll(tags);
            }
        }
        if (!stale.isEmpty()) {
            dropPages(stale);
        }
    }

    /**
     * After the log could not be read for longer than it keeps changes, some are gone from it: this node compares
     * every live revision with what it knew, re-indexes what differs and drops everything it stores.
     */
    private void resynchronize(Instant now) {
        LOG.warning("The change log was unreadable for longer than it keeps changes: re-reading every live article");
        awaitLiveArticles();
        ChangeCursor fresh = new ChangeCursor(log.latestId(), gapGrace, MAX_MISSING);
        Map<Long, Long> live = new HashMap<>();
        for (PublicContent.LiveRevision row : content.liveRevisionIds()) {
            live.put(row.articleId(), row.revisionId());
        }
        for (Long known : new ArrayList<>(liveArticles.keySet())) {
            if (!live.containsKey(known)) {
                refresh(known, true);
            }
        }
        live.forEach((article, revision) -> {
            if (!Objects.equals(knownLiveRevision(article), revision)) {
                refresh(article, true);
            }
        });
        cursor = fresh;
        categories.forget();
        reviewPolicy.forget();
        dropPages(ALL);
    }

    private void forgetOld(Instant now) {
        // A token is needed while its row may still be read: at most the gap grace after it was written.
        Instant cutoff = now.minus(gapGrace).minus(pollEvery.multipliedBy(2)).minusSeconds(60);
        applied.values().removeIf(at -> at.isBefore(cutoff));
        if (lastPurge.plus(PURGE_EVERY).isBefore(now)) {
            lastPurge = now;
            int purged = log.purge(now.minus(retention));
            LOG.log(Level.FINE, "Purged {0} old site changes", purged);
        }
    }

    /**
     * Brings this node's view of one article up to date: the tags of what it made stale when its live revision
     * changed, else null. With {@code always} the live article is re-indexed and its tags returned even on the
     * same revision: its page changed (a correction, a review date, a new address).
     */
    List<String> refresh(Long articleId, boolean always) {
        // Outside the lock: the read at start takes it.
        awaitLiveArticles();
        return refreshKnown(articleId, always);
    }

    private synchronized List<String> refreshKnown(Long articleId, boolean always) {
        Optional<SearchDocument> live = content.searchDocument(articleId);
        Long now = live.map(SearchDocument::revisionId).orElse(null);
        Long categoryNow = live.map(SearchDocument::categoryId).orElse(null);
        PublicContent.LiveRevision previous = now == null ? liveArticles.remove(articleId)
                : liveArticles.put(articleId, new PublicContent.LiveRevision(articleId, now, categoryNow));
        if (!always && Objects.equals(previous == null ? null : previous.revisionId(), now)) {
            return null;
        }
        live.ifPresentOrElse(index::put, () -> index.remove(articleId));
        return CacheTags.changed(articleId, live.isPresent(), categories.pathIds(
                Arrays.asList(categoryNow, previous == null ? null : previous.categoryId())));
    }

    /** Applies a change made on this node: the tags of what the public sees anew, null when nothing. */
    private List<String> apply(SiteChange.Kind kind, Long subject, boolean publicPage) {
        List<String> stale = switch (kind) {
            case CATEGORY -> {
                categories.forget();
                yield ALL;
            }
            case POLICY -> {
                reviewPolicy.forget();
                yield ALL;
            }
            case ARTICLE -> refresh(subject, publicPage);
        };
        if (stale != null) {
            dropPages(stale);
        }
        return stale;
    }

    /** Lists are read again when next needed (stored article pages fill theirs in then); pages shown stale go now. */
    private void dropPages(java.util.Collection<String> tags) {
        lists.forget(tags);
        pages.drop(tags);
    }

    private void send(String signal) {
        if (signals != null) {
            signals.send(signal);
        }
    }

    /**
     * What crosses the grid: {@code token|kind|subject|tags}, the tags of what the change made stale (comma-separated)
     * so other nodes drop the same pages at once; a signal without them (an older node's) drops every page.
     */
    record Signal(String token, SiteChange.Kind kind, Long subject, List<String> tags) {

        String encode() {
            return token + "|" + kind + "|" + (subject == null ? "" : subject) + "|" + String.join(",", tags);
        }

        static Signal decode(String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3 && parts.length != 4) {
                return null;
            }
            try {
                SiteChange.Kind kind = SiteChange.Kind.valueOf(parts[1]);
                Long subject = parts[2].isEmpty() ? null : Long.valueOf(parts[2]);
                List<String> tags = parts.length == 4 && !parts[3].isEmpty() ? List.of(parts[3].split(",")) : ALL;
                return kind == SiteChange.Kind.ARTICLE && subject == null ? null
                        : new Signal(parts[0], kind, subject, tags);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
