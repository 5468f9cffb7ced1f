package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The lists an article page shares with every other one, as markup for its holes ({@link PageTemplate}): the
 * related articles (same category first, then each enclosing one, nearest first) and the newest ones, both
 * without the article itself. They are read from {@link SiteLists}, kept until the next change, so filling the
 * holes of every stored page after a publication reads the database once per list, not once per page.
 */
@ApplicationScoped
public class SiteFragments {

    static final int RELATED = 5;
    static final int LATEST = 6;
    static final String RELATED_HOLE = "related";
    static final String LATEST_HOLE = "latest";

    @Inject
    SiteLists lists;

    @Inject
    SiteCategories categories;

    @Inject
    SiteConfig config;

    /** Public pages are Chinese; the "details" link's text, read once. */
    private static final class Labels {
        static final String MORE = ResourceBundle.getBundle("i18n.site", Locale.SIMPLIFIED_CHINESE).getString("list.more");
    }

    /** What fills a hole: the markup, compressed once ({@link GzipParts#piece}), and the tags of what it shows. */
    public record Fragment(byte[] html, byte[] compressed, List<String> tags) {

        static Fragment of(String html, List<String> tags) {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            return new Fragment(bytes, GzipParts.piece(bytes), tags);
        }
    }

    /**
     * The lists written in this generation of the lists, by what they show: most article pages show the same few
     * (the newest six, their category's newest five; only the articles among those see another), so after a
     * publication each is written and compressed once, and a page composed again only copies them.
     */
    private record Written(long generation, Map<String, Fragment> byContent) {
    }

    private volatile Written written = new Written(-1, Map.of());

    public static String relatedHole(Long articleId, Long categoryId) {
        return PageTemplate.hole(RELATED_HOLE, articleId.toString(), String.valueOf(categoryId));
    }

    public static String latestHole(Long articleId) {
        return PageTemplate.hole(LATEST_HOLE, articleId.toString());
    }

    /** Changes whenever the lists may have: a composed page is kept while it stays the same. */
    public long generation() {
        return lists.generation();
    }

    Fragment fill(String hole, String contextPath) {
        String[] words = hole.split(" ");
        List<ArticleTeaser> shown;
        Set<String> tags = new LinkedHashSet<>();
        if (words.length == 3 && words[0].equals(RELATED_HOLE)) {
            shown = related(Long.valueOf(words[1]), words[2].equals("null") ? null : Long.valueOf(words[2]));
        } else if (words.length == 2 && words[0].equals(LATEST_HOLE)) {
            shown = latest(Long.valueOf(words[1]));
            tags.add(CacheTags.NEWEST);
        } else {
            throw new IllegalArgumentException("Unknown hole: " + hole);
        }
        shown.forEach(t -> tags.add(CacheTags.article(t.id())));
        // Taken after the lists were read: a change meanwhile leaves this one written under an older generation.
        long generation = generation();
        Written w = written;
        if (w.generation() != generation) {
            w = new Written(generation, new ConcurrentHashMap<>());
            written = w;
        }
        String key = contextPath + "|" + String.join(" ", tags);
        return w.byContent().computeIfAbsent(key,
                k -> Fragment.of(TeaserHtml.list(shown, contextPath, Labels.MORE, config.zone()), List.copyOf(tags)));
    }

    /** The newest articles but this one. */
    List<ArticleTeaser> latest(Long articleId) {
        return lists.latest().stream().filter(t -> !t.id().equals(articleId)).limit(LATEST).toList();
    }

    /** Same category first, then the rest of each enclosing category, nearest first; never the article itself. */
    List<ArticleTeaser> related(Long articleId, Long categoryId) {
        List<CategoryNode> path = categories.byId(categoryId).map(CategoryNode::getPath).orElse(List.of());
        Map<Long, ArticleTeaser> related = new LinkedHashMap<>();
        for (int i = path.size() - 1; i >= 0 && related.size() < RELATED; i--) {
            List<Long> ids = i == path.size() - 1 ? List.of(path.get(i).getId()) : path.get(i).subtreeIds();
            // One more than shown, as this article may be among them.
            for (ArticleTeaser t : lists.newestIn(ids, RELATED + 1)) {
                if (related.size() < RELATED && !t.id().equals(articleId)) {
                    related.putIfAbsent(t.id(), t);
                }
            }
        }
        return new ArrayList<>(related.values());
    }
}
