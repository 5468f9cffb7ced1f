package org.healthportal.cms.site.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered public responses, kept in this node's memory. The cluster only carries the signal that drops them
 * ({@link SiteChanges}): reading bytes owned by another node costs far more than rendering them again.
 *
 * <p>A change drops only the pages that show what changed, by the tags they were stored with ({@link CacheTags}):
 * a publication drops the article's page, the pages listing it and those where a new article appears (home,
 * feed, its categories), not the pages of every other article, whose shared lists are filled in when served
 * ({@link PageTemplate}). A category or review-policy change drops everything. A render that began before a change
 * is not stored after it: {@link #put} compares the generation it was given when the render began.
 *
 * <p>Requests for a page that is being rendered wait for that render ({@link #begin}) instead of rendering it
 * again: after a change, a busy page costs one render, not one per reader asking meanwhile.
 */
@ApplicationScoped
public class PageStore {

    /** How long a request waits for another's render of the same page before rendering it itself. */
    static final Duration FOLLOW_AT_MOST = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "cms.site.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "cms.site.page-cache.max-bytes")
    Optional<Long> configuredMaxBytes;

    /** A quarter of the heap unless set: a smaller heap keeps a smaller store rather than running out. */
    long maxBytes;

    private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Render> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @PostConstruct
    void sizeFromHeap() {
        maxBytes = configuredMaxBytes.filter(b -> b > 0).orElse(Runtime.getRuntime().maxMemory() / 4);
    }

    public CachedPage get(String key) {
        return pages.get(key);
    }

    /** Taken before a render; {@link #put} stores only if nothing changed meanwhile. */
    public long generation() {
        return generation.get();
    }

    public void put(String key, CachedPage page, long renderedInGeneration) {
        if (!enabled || generation.get() != renderedInGeneration) {
            return;
        }
        CachedPage previous = pages.put(key, page);
        bytes.addAndGet(page.size() - (previous == null ? 0 : previous.size()));
        if (generation.get() != renderedInGeneration) {
            // A change arrived while storing: what was just stored may predate it.
            remove(key);
        }
        if (bytes.get() > maxBytes) {
            shrink();
        }
    }

    /**
     * The render of this page to lead, or, when one begun since the last change is under way, the one to follow.
     * The leader must {@link Render#finish} it, whatever happens.
     */
    public Render begin(String key) {
        while (true) {
            long g = generation.get();
            Render current = rendering.get(key);
            if (current != null && current.generation == g) {
                return current.follower();
            }
            Render mine = new Render(key, g, true, new CompletableFuture<>());
            if (current == null ? rendering.putIfAbsent(key, mine) == null : rendering.replace(key, current, mine)) {
                return mine;
            }
        }
    }

    private void remove(String key) {
        CachedPage gone = pages.remove(key);
        if (gone != null) {
            bytes.addAndGet(-gone.size());
        }
    }

    /** Drops entries (in no particular order) until a quarter of the budget is free. */
    private void shrink() {
        Iterator<String> keys = pages.keySet().iterator();
        while (bytes.get() > maxBytes * 3 / 4 && keys.hasNext()) {
            remove(keys.next());
        }
    }

    /** Drops the pages that show anything these tags name, now; {@value CacheTags#SITE} drops everything. */
    public void drop(Collection<String> tags) {
        if (tags.contains(CacheTags.SITE)) {
            clear();
            return;
        }
        generation.incrementAndGet();
        for (Map.Entry<String, CachedPage> entry : pages.entrySet()) {
            if (CacheTags.anyOf(entry.getValue().storeTags(), tags)) {
                // Removed only if still this page: a newer one stored meanwhile was rendered after the change.
                if (pages.remove(entry.getKey(), entry.getValue())) {
                    bytes.addAndGet(-entry.getValue().size());
                }
            }
        }
    }

    /** Drops everything, now. */
    public void clear() {
        generation.incrementAndGet();
        pages.clear();
        bytes.set(0);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The benchmark measures uncached renders by switching the store off. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        clear();
    }

    public int size() {
        return pages.size();
    }

    /** One render of a page, led by the first request that missed it and followed by those that came meanwhile. */
    public final class Render {

        private final String key;
        private final long generation;
        private final boolean leads;
        private final CompletableFuture<CachedPage> result;

        private Render(String key, long generation, boolean leads, CompletableFuture<CachedPage> result) {
            this.key = key;
            this.generation = generation;
            this.leads = leads;
            this.result = result;
        }

        private Render follower() {
            return new Render(key, generation, false, result);
        }

        public boolean leads() {
            return leads;
        }

        /** For a follower: the page the leader rendered; null when it had none to share in time (render it then). */
        public CachedPage await() {
            try {
                return result.get(FOLLOW_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                return null;
            }
        }

        /** For the leader: stores the page (null: nothing to share, such as an error) and hands it to the followers. */
        public void finish(CachedPage page) {
            if (!leads || result.isDone()) {
                return;
            }
            if (page != null) {
                put(key, page, generation);
            }
            result.complete(page);
            rendering.remove(key, this);
        }
    }
}
