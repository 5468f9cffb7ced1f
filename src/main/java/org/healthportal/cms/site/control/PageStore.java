package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rendered public responses, kept in this node's memory. The cluster only carries the signal that drops them
 * ({@link SiteChanges}): reading bytes owned by another node costs far more than rendering them again.
 *
 * <p>Every publish, unpublish or category change empties the store, because every article page lists the
 * newest articles and every page shows the category tree. A render that began before a change is not stored
 * after it: {@link #put} compares the generation it was given when the render began.
 */
@ApplicationScoped
public class PageStore {

    @Inject
    @ConfigProperty(name = "cms.site.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "cms.site.page-cache.max-bytes", defaultValue = "268435456")
    long maxBytes;

    private final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

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
}
