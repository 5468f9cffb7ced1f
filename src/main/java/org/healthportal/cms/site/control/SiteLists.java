package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Lists that many pages share (the newest articles, the featured ones, the newest per set of categories), read
 * once and kept until the next change signal, so an uncached article render reads only the article itself. A list
 * is read by one request at a time: the others asking meanwhile wait for that read, so a publication, after which
 * every stored page fills its lists in again, costs one query per list, not one per reader.
 */
@ApplicationScoped
public class SiteLists {

    static final int LATEST = 8;
    /** How many newest articles a category set keeps. */
    static final int MAX_NEWEST = 8;
    private static final Object LATEST_KEY = "latest";
    private static final Object FEATURED_KEY = "featured";

    @Inject
    PublicContent content;

    @Inject
    SiteCategories categories;

    @Inject
    SiteConfig config;

    /** A list as read in a generation, or being read. */
    private record Entry(long generation, CompletableFuture<List<ArticleTeaser>> list) {
    }

    /** By key: the two site-wide lists, and one per category set (an article page's related list). */
    private final Map<Object, Entry> lists = new ConcurrentHashMap<>();
    /** Counts changes, so a list read before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    public List<ArticleTeaser> latest() {
        return get(LATEST_KEY, () -> content.latest(LATEST));
    }

    /** Counts changes: a page composed with these lists is composed again once it moved on. */
    public long generation() {
        return generation.get();
    }

    public List<ArticleTeaser> featured() {
        return get(FEATURED_KEY, () -> {
            List<String> slugs = config.featuredSlugs();
            if (!slugs.isEmpty()) {
                return content.bySlugs(slugs);
            }
            List<ArticleTeaser> newestPerTop = new ArrayList<>();
            for (CategoryNode root : categories.roots()) {
                content.inCategories(root.subtreeIds(), null, 1).forEach(newestPerTop::add);
                if (newestPerTop.size() == 4) {
                    break;
                }
            }
            return newestPerTop;
        });
    }

    /**
     * The {@code max} newest live articles in these categories. Kept per category set until the next change, so
     * the related lists of the articles of one category are read once, not on every render.
     */
    public List<ArticleTeaser> newestIn(Collection<Long> categoryIds, int max) {
        if (max > MAX_NEWEST) {
            return content.inCategories(categoryIds, null, max);
        }
        Set<Long> key = Set.copyOf(categoryIds);
        List<ArticleTeaser> l = get(key, () -> content.inCategories(key, null, MAX_NEWEST));
        return l.size() > max ? l.subList(0, max) : l;
    }

    public void forget() {
        forget(List.of(CacheTags.SITE));
    }

    /**
     * After a change that made these tags stale ({@link CacheTags}): the newest and featured lists are read again
     * when next needed, and so is each category set's that holds a category named; the other category sets' lists
     * are kept, so a publication reads its own category's lists again, not every category's.
     */
    public synchronized void forget(Collection<String> tags) {
        long now = generation.incrementAndGet();
        if (tags.contains(CacheTags.SITE)) {
            lists.clear();
            return;
        }
        Set<Long> changed = new HashSet<>();
        for (String tag : tags) {
            CacheTags.categoryId(tag).ifPresent(changed::add);
        }
        lists.forEach((key, entry) -> {
            // Kept only when read in the generation this change ends and read in full: a list read earlier, or
            // still being read, may be older than this change or an earlier one.
            boolean keep = key instanceof Set<?> ids && Collections.disjoint(ids, changed)
                    && entry.generation() == now - 1 && entry.list().isDone()
                    && !entry.list().isCompletedExceptionally();
            if (keep) {
                lists.replace(key, entry, new Entry(now, entry.list()));
            } else {
                lists.remove(key, entry);
            }
        });
    }

    /** The list as read in this generation: read now by this caller, or awaited from the one reading it. */
    private List<ArticleTeaser> get(Object key, Supplier<List<ArticleTeaser>> read) {
        while (true) {
            long g = generation.get();
            Entry current = lists.get(key);
            if (current != null && current.generation() == g) {
                return await(current);
            }
            Entry mine = new Entry(g, new CompletableFuture<>());
            if (current == null ? lists.putIfAbsent(key, mine) != null : !lists.replace(key, current, mine)) {
                continue; // Another request began reading it first.
            }
            try {
                mine.list().complete(List.copyOf(read.get()));
            } catch (RuntimeException | Error e) {
                lists.remove(key, mine);
                mine.list().completeExceptionally(e);
                throw e;
            }
            return mine.list().join();
        }
    }

    private static List<ArticleTeaser> await(Entry entry) {
        try {
            return entry.list().join();
        } catch (CompletionException e) {
            // The reader's failure (the database away, say) is this request's too, as it is.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }
}
