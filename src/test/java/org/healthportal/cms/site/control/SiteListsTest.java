package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteListsTest {

    /** The database as the lists read it: one teaser per category, and every read counted. */
    static final class Content extends PublicContent {
        final List<Set<Long>> reads = new ArrayList<>();
        int latestReads;
        Runnable whileReading = () -> { };

        @Override
        public List<ArticleTeaser> inCategories(Collection<Long> categoryIds, Long exceptArticleId, int max) {
            reads.add(Set.copyOf(categoryIds));
            whileReading.run();
            return categoryIds.stream().map(id -> new ArticleTeaser(id, "a-" + id, "文章", "摘要", Instant.EPOCH))
                    .toList();
        }

        @Override
        public List<ArticleTeaser> latest(int max) {
            latestReads++;
            return List.of();
        }
    }

    private final Content content = new Content();
    private final SiteLists lists = lists(content);

    private static SiteLists lists(PublicContent content) {
        SiteLists l = new SiteLists();
        l.content = content;
        return l;
    }

    @Test
    void aPublicationReadsAgainOnlyTheListsOfItsCategories() {
        lists.newestIn(List.of(1L, 2L), 6);
        lists.newestIn(List.of(3L), 6);
        lists.latest();

        // An article of category 3 published: what CacheTags.changed names for it.
        lists.forget(CacheTags.changed(9L, true, List.of(3L)));
        lists.newestIn(List.of(2L, 1L), 6);
        lists.newestIn(List.of(3L), 6);
        lists.latest();

        assertEquals(List.of(Set.of(1L, 2L), Set.of(3L), Set.of(3L)), content.reads,
                "categories 1 and 2 kept their list");
        assertEquals(2, content.latestReads, "the newest list shows every publication");
    }

    @Test
    void aSiteWideChangeReadsEveryListAgain() {
        lists.newestIn(List.of(1L), 6);
        lists.forget(List.of(CacheTags.SITE));
        lists.newestIn(List.of(1L), 6);
        lists.forget();
        lists.newestIn(List.of(1L), 6);
        assertEquals(3, content.reads.size());
    }

    @Test
    void aListBeingReadWhenAnotherCategoryChangesIsReadAgainAfter() {
        // The read may have begun before the change committed: it cannot be known to be current.
        content.whileReading = () -> {
            content.whileReading = () -> { };
            lists.forget(CacheTags.changed(9L, true, List.of(7L)));
        };
        lists.newestIn(List.of(1L), 6);
        lists.newestIn(List.of(1L), 6);
        lists.newestIn(List.of(1L), 6);
        assertEquals(2, content.reads.size());
    }

    @Test
    void onlyCategoryTagsNameCategories() {
        assertEquals(java.util.Optional.of(12L), CacheTags.categoryId("c12"));
        for (String other : List.of("c", "cx", "c1x", "a12", "site", "c١٢")) {
            assertEquals(java.util.Optional.empty(), CacheTags.categoryId(other), other);
        }
    }
}
