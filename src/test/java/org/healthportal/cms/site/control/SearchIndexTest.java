package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real index in a temporary directory: pages of results kept between changes, never served after one. */
class SearchIndexTest {

    private final SearchIndex index = new SearchIndex();

    @BeforeEach
    void open() {
        index.open();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static SearchDocument article(long id, String title) {
        return new SearchDocument(id, id * 10, "a-" + id, title, "摘要。", "<p>针灸治疗的正文。</p>",
                Instant.ofEpochSecond(1_700_000_000L + id), 1L);
    }

    private List<String> slugs(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::slug).toList();
    }

    @Test
    void aQueryAskedAgainIsAnsweredFromTheLastReadUntilTheIndexChanges() {
        index.put(article(1, "针灸与失眠"));
        SearchResult first = index.search("针灸", 0, 10);
        assertEquals(List.of("a-1"), slugs(first));
        assertSame(first, index.search(" 针灸 ", 0, 10), "the same question, read once");

        index.put(article(2, "针灸与颈椎病"));
        assertEquals(java.util.Set.of("a-2", "a-1"), java.util.Set.copyOf(slugs(index.search("针灸", 0, 10))),
                "a publication shows at once");

        index.remove(2L);
        assertEquals(List.of("a-1"), slugs(index.search("针灸", 0, 10)), "and a withdrawal");
        assertEquals(List.of(), slugs(index.search("针灸", 1, 10)), "each page kept on its own");
    }

    @Test
    void theKeptPagesAreBounded() {
        index.put(article(1, "针灸与失眠"));
        for (int i = 0; i <= SearchIndex.MAX_RECENT + 5; i++) {
            index.search("针灸 " + i, 0, 10);
        }
        SearchResult kept = index.search("针灸", 0, 10);
        assertSame(kept, index.search("针灸", 0, 10));
        assertEquals(List.of("a-1"), slugs(kept));
    }
}
