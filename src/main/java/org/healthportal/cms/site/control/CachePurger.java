package org.healthportal.cms.site.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.healthportal.cms.content.entity.ArticleChanged;
import org.healthportal.cms.site.entity.CachePurge;
import org.healthportal.cms.taxonomy.entity.CategoryChanged;
import org.healthportal.cms.taxonomy.entity.ReviewPolicyChanged;

/**
 * Tells the shared caches ({@code cms.purge-urls}) what a change made stale, by the tags responses carry
 * ({@link CacheTags}). The purge is written in the change's transaction ({@link CachePurgeLog}), so it is owed
 * even if this node dies after the commit; after the commit this node sends it in the background, never delaying
 * the editor. Every node looks for owed purges every {@code cms.cache.purge-poll} and takes one by a claim in the
 * database, so each is sent once for the whole cluster; a cache that does not answer is asked again, waiting
 * longer each time (at most {@code cms.cache.purge-retry-max}), until it takes it or {@code cms.cache.purge-give-up}
 * passes.
 *
 * <p>Withdrawals (unpublish, takedown, archive, "unpublish" for overdue review) purge hard: the cache drops its copy
 * and cannot serve it even while the CMS is away. Other changes purge soft: the copy is fetched again, and kept only
 * to serve while the CMS cannot answer. Each purge is sent a second time {@code cms.cache.purge-repeat} later, when
 * every node has surely applied the change (the change log's poll): a cache that fetched the page again from a node
 * still behind would otherwise keep that copy.
 */
@ApplicationScoped
public class CachePurger {

    private static final Logger LOG = Logger.getLogger(CachePurger.class.getName());
    private static final int BATCH = 50;
    private static final Duration CLAIM = Duration.ofSeconds(60);

    @Inject
    SharedCaches caches;

    @Inject
    CachePurgeLog log;

    @Inject
    SiteChanges changes;

    @Inject
    SiteCategories categories;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cms.cache.purge-poll", defaultValue = "PT1S")
    Duration pollEvery;

    @Inject
    @ConfigProperty(name = "cms.cache.purge-repeat", defaultValue = "PT5S")
    Duration repeatAfter;

    @Inject
    @ConfigProperty(name = "cms.cache.purge-retry-max", defaultValue = "PT1M")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "cms.cache.purge-give-up", defaultValue = "P1D")
    Duration giveUp;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private HttpClient http;
    private ScheduledFuture<?> polling;
    private volatile boolean failing;
    private volatile long owed;
    private volatile String lastError = "";

    /** Called once at start; does nothing where no shared cache is configured. */
    public void start() {
        if (!caches.purging()) {
            return;
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long millis = Math.max(100, pollEvery.toMillis());
        polling = scheduler.scheduleWithFixedDelay(this::deliver, millis, millis, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "Purging shared caches at {0}", caches.caches());
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    // The observers run inside the change's transaction: the purge commits, or rolls back, with it.

    void onArticle(@Observes ArticleChanged changed) {
        if (!caches.purging()) {
            return;
        }
        Optional<CachePurgeLog.ArticleState> state = log.articleState(changed.articleId());
        Long live = state.map(CachePurgeLog.ArticleState::liveRevisionId).orElse(null);
        // Its category's pages now, and those of the category it was live in until this change (a move, a withdrawal).
        List<Long> listedIn = categories.pathIds(Arrays.asList(
                state.map(CachePurgeLog.ArticleState::categoryId).orElse(null),
                changes.knownLiveCategory(changed.articleId())));
        Plan plan = plan(changed.articleId(), live, state.map(CachePurgeLog.ArticleState::wasPublished).orElse(true),
                changed.publicPage(), changes.knownLiveRevision(changed.articleId()), listedIn);
        if (plan != null) {
            record(plan);
        }
    }

    void onCategory(@Observes CategoryChanged changed) {
        if (caches.purging()) {
            record(new Plan(List.of(CacheTags.SITE), false));
        }
    }

    void onPolicy(@Observes ReviewPolicyChanged changed) {
        if (caches.purging()) {
            record(new Plan(List.of(CacheTags.SITE), false));
        }
    }

    /** What to purge and how. */
    record Plan(List<String> tags, boolean hard) {
    }

    /**
     * The purge one article change calls for; null when the public sees nothing new. Offline now but public once:
     * a hard purge of everything that shows it (its page and every list it was in carry its tag), of search and
     * sitemaps, which name it untagged, and of the pages of the categories it was listed in, whose later pages
     * shift. Live: a soft purge of the same, and of where a publication appears (the newest lists, the addresses
     * that answered 404).
     */
    static Plan plan(Long articleId, Long liveRevision, boolean wasPublished, boolean publicPage, Long knownRevision,
                     List<Long> categoryPath) {
        if (liveRevision == null) {
            return wasPublished ? new Plan(CacheTags.changed(articleId, false, categoryPath), true) : null;
        }
        if (!publicPage && liveRevision.equals(knownRevision)) {
            // A draft saved beside the live revision: nothing public changed.
            return null;
        }
        return new Plan(CacheTags.changed(articleId, true, categoryPath), false);
    }

    private void record(Plan plan) {
        CachePurge purge = new CachePurge(plan.tags(), plan.hard(), caches.caches(), clock.instant());
        if (!log.record(purge, this::deliverSoon)) {
            log.insert(purge);
            deliverSoon();
        }
    }

    /** After a commit: send at once, on another thread. */
    void deliverSoon() {
        try {
            executor.submit(this::deliver);
        } catch (RuntimeException e) {
            // Shutting down: the next node's poll sends it.
            LOG.log(Level.FINE, "Purge not sent now", e);
        }
    }

    /** Sends every owed purge that no other node holds; one run at a time on this node, run again if asked meanwhile. */
    void deliver() {
        if (http == null) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                deliverDue();
            } while (again.get());
            owed = log.owed();
            if (failing) {
                failing = false;
                LOG.info("Owed cache purges can be read again");
            }
        } catch (RuntimeException | Error e) {
            // An exception would end the schedule: the next poll tries again.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read the owed cache purges (is the database away?): {0}", e.toString());
            }
        } finally {
            running.set(false);
        }
    }

    private void deliverDue() {
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = log.due(now, BATCH);
            for (Long id : due) {
                log.claim(id, now, now.plus(CLAIM)).ifPresent(this::send);
            }
        } while (due.size() == BATCH);
    }

    private void send(CachePurge purge) {
        List<String> configured = caches.caches();
        List<String> failed = new ArrayList<>();
        String error = null;
        for (String cache : purge.getPending()) {
            if (!configured.contains(cache)) {
                continue; // No longer configured: nobody to tell.
            }
            String problem = purge(cache, purge.getTags(), purge.isHard());
            if (problem != null) {
                failed.add(cache);
                error = cache + ": " + problem;
            }
        }
        Instant now = clock.instant();
        if (!failed.isEmpty()) {
            if (purge.getCreatedAt().plus(giveUp).isBefore(now)) {
                LOG.log(Level.SEVERE, "Gave up purging {0} ({1}) at {2} after {3}: {4}",
                        new Object[] {purge.getTags(), purge.isHard() ? "hard" : "soft", failed, giveUp, error});
                log.done(purge.getId());
                return;
            }
            lastError = error;
            if (purge.getAttempts() == 0) {
                LOG.log(Level.WARNING, "A shared cache did not take a purge; retrying: {0}", error);
            }
            log.retry(purge.getId(), failed, now.plus(backoff(purge.getAttempts(), retryMax)), error);
        } else if (purge.getRound() == 1) {
            Instant repeat = purge.getCreatedAt().plus(repeatAfter);
            log.repeat(purge.getId(), configured, repeat.isAfter(now) ? repeat : now);
        } else {
            log.done(purge.getId());
        }
    }

    /** One second after the first failure, doubling up to {@code max}. */
    static Duration backoff(int attempts, Duration max) {
        long seconds = 1L << Math.min(attempts, 20);
        return seconds > max.toSeconds() ? max : Duration.ofSeconds(seconds);
    }

    /** One PURGE to one cache; null when it took it, else what went wrong. */
    String purge(String cache, List<String> tags, boolean hard) {
        HttpRequest.Builder request = request(cache, tags, hard, caches.purgeHeader().orElse(null))
                .timeout(Duration.ofSeconds(5));
        try {
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? null : "answered " + answer.statusCode();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * {@code PURGE} to the cache's base URL, naming the tags as Varnish's xkey vmod reads them ({@code xkey-purge}
     * or {@code xkey-softpurge}, as {@code docker/varnish/default.vcl} does) and as CDNs do ({@code Surrogate-Key},
     * {@code Fastly-Soft-Purge}).
     */
    static HttpRequest.Builder request(String cache, List<String> tags, boolean hard, String[] extraHeader) {
        String names = String.join(" ", tags);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cache))
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header(hard ? "xkey-purge" : "xkey-softpurge", names)
                .header("Surrogate-Key", names)
                .header("X-Purge-Mode", hard ? "hard" : "soft");
        if (!hard) {
            b.header("Fastly-Soft-Purge", "1");
        }
        if (extraHeader != null) {
            b.header(extraHeader[0], extraHeader[1]);
        }
        return b;
    }

    /** How many purges were owed across the cluster at this node's last look; -1 where nothing is purged. */
    public long owed() {
        return http == null ? -1 : owed;
    }

    /** The last cache that did not take a purge, and why; empty when none failed since start. */
    public String lastError() {
        return lastError;
    }
}
