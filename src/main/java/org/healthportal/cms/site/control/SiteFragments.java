package org.healthportal.cms.site.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** What fills a hole: the markup and the tags of what it shows. */
    public record Fragment(String html, List<String> tags) {
    }

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
        return new Fragment(TeaserHtml.list(shown, contextPath, Labels.MORE, config.zone()), List.copyOf(tags));
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
