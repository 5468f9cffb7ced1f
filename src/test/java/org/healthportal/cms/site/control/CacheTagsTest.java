package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheTagsTest {

    @Test
    void everyResponseIsTaggedSiteThenWithWhatItShowsOnceEach() {
        CacheTags tags = new CacheTags().add(CacheTags.article(5L)).add(CacheTags.NEWEST)
                .listing(List.of(teaser(6L), teaser(5L), teaser(8L))).add(CacheTags.category(2L));
        assertEquals("site a5 new a6 a8 c2", tags.header());
    }

    private static ArticleTeaser teaser(Long id) {
        return new ArticleTeaser(id, "s" + id, "t", "s", Instant.EPOCH);
    }
}
