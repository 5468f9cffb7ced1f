package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SearchQueriesTest {

    private final Analyzer analyzer = SearchQueries.analyzer();

    @Test
    void aTwoCharacterChineseWordFindsTheArticlesContainingIt() throws IOException {
        List<SearchDocument> docs = List.of(
                doc(1, "中医针灸促进神经功能恢复", "针灸可以辅助康复。", "<p>针刺穴位。</p>"),
                doc(2, "卒中后居家康复", "康复训练要点。", "<p>配合<b>针灸</b>治疗效果更好。</p>"),
                doc(3, "安全使用中药", "中药也有禁忌。", "<p>针对不同体质，灸法不同。</p>"),
                doc(4, "颈椎保健", "日常保养。", "<p>推拿可以放松肌肉。</p>"),
                doc(5, "腰背保健", "日常锻炼。", "<p>推拿手法要轻。</p>"));
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir,
                    new IndexWriterConfig(analyzer).setIndexSort(SearchQueries.NEWEST_FIRST))) {
                for (SearchDocument d : docs) {
                    w.addDocument(SearchIndex.document(d));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(2, searcher.count(SearchQueries.build(analyzer, "针灸")), "针 and 灸 apart do not match");
                assertEquals(1, searcher.count(SearchQueries.build(analyzer, "针灸 康复训练")));
                assertEquals(1, searcher.count(SearchQueries.build(analyzer, "神经功能")));
                assertEquals(1, searcher.count(SearchQueries.build(analyzer, "穴位")), "a word in the body alone");
                assertNull(org.apache.lucene.index.MultiTerms.getTerms(reader, SearchQueries.BODY),
                        "the body is searched within the text: it has no postings of its own");
                int acupoints = searcher.search(SearchQueries.build(analyzer, "穴位"), 1).scoreDocs[0].doc;
                assertEquals("针刺穴位。", searcher.storedFields().document(acupoints).get(SearchQueries.BODY),
                        "kept as text for the excerpt");
                assertEquals(0, searcher.count(SearchQueries.build(analyzer, "针灸 骨折")));
                assertEquals(0, searcher.count(SearchQueries.build(analyzer, "恢复针灸")),
                        "no phrase across the end of the title and the start of the lead");
                var top = searcher.search(SearchQueries.build(analyzer, "针灸"), 10).scoreDocs;
                assertEquals("1", searcher.storedFields().document(top[0].doc).get("id"), "a title match ranks first");
                var rehab = searcher.search(SearchQueries.build(analyzer, "康复"), 10).scoreDocs;
                assertEquals(List.of("2", "1"), java.util.Arrays.stream(rehab).map(d -> id(searcher, d.doc)).toList(),
                        "in the title before in the lead");
                var needles = searcher.search(SearchQueries.build(analyzer, "针"), 10).scoreDocs;
                assertEquals(0, needles.length, "a single character is not a word");
                var either = searcher.search(SearchQueries.build(analyzer, "不同"), 10).scoreDocs;
                assertEquals(List.of("3"), java.util.Arrays.stream(either).map(d -> id(searcher, d.doc)).toList());
                var massage = searcher.search(SearchQueries.build(analyzer, "推拿"), 10).scoreDocs;
                assertEquals(List.of("5", "4"), java.util.Arrays.stream(massage).map(d -> id(searcher, d.doc)).toList(),
                        "equally good hits: the newest first");
            }
        }
    }

    @Test
    void highlightsMarkTheMatchAndEscapeTheRest() {
        Query q = SearchQueries.forHighlighting(analyzer, "针灸");
        assertEquals("中医<mark>针灸</mark>与&lt;康复&gt;",
                SearchQueries.highlightAll(analyzer, q, SearchQueries.TITLE, "中医针灸与<康复>"));
        assertEquals("卒中&amp;康复", SearchQueries.highlightAll(analyzer, q, SearchQueries.TITLE, "卒中&康复"));
        String passage = SearchQueries.bestPassage(analyzer, q, SearchQueries.BODY,
                "康复训练很重要。".repeat(20) + "配合针灸治疗。" + "饮食清淡。".repeat(20), 40);
        assertTrue(passage.contains("<mark>针灸</mark>"), passage);
        assertTrue(passage.length() < 120, passage);
        assertNull(SearchQueries.bestPassage(analyzer, q, SearchQueries.BODY, "没有相关的词", 40));
    }

    @Test
    void aLongBodyIsMarkedWhereMostOfTheWordsAreTogether() {
        Query q = SearchQueries.forHighlighting(analyzer, "针灸 康复");
        var terms = SearchQueries.terms(q, SearchQueries.BODY);
        String body = "针灸在这里单独出现。" + "饮食清淡。".repeat(40) + "配合针灸的康复训练。" + "睡眠充足。".repeat(40)
                + "康复在这里单独出现。";
        String passage = SearchQueries.bestPassage(analyzer, terms, SearchQueries.BODY, body, List.of("针灸", "康复"), 40);
        // (The highlighter marks the overlapping bigrams between two near words as one run.)
        assertTrue(passage.contains("配合<mark>针灸的康复</mark>训练"), passage);
        assertTrue(SearchQueries.bestPassage(analyzer, terms, SearchQueries.BODY, body, 40)
                .contains("配合<mark>针灸的康复</mark>训练"), "as when the whole body is analysed");

        // Latin words are found whatever their case; words only the analyser matches (full width) still are.
        Query vitamin = SearchQueries.forHighlighting(analyzer, "vitamin");
        var vitaminTerms = SearchQueries.terms(vitamin, SearchQueries.BODY);
        String latin = "饮食清淡。".repeat(40) + "补充 Vitamin 要适量。" + "睡眠充足。".repeat(40);
        assertTrue(SearchQueries.bestPassage(analyzer, vitaminTerms, SearchQueries.BODY, latin, List.of("vitamin"), 40)
                .contains("<mark>Vitamin</mark>"));
        String wide = "饮食清淡。".repeat(40) + "补充ｖｉｔａｍｉｎ要适量。" + "睡眠充足。".repeat(40);
        assertTrue(SearchQueries.bestPassage(analyzer, vitaminTerms, SearchQueries.BODY, wide, List.of("vitamin"), 40)
                .contains("<mark>ｖｉｔａｍｉｎ</mark>"));
        assertNull(SearchQueries.bestPassage(analyzer, terms, SearchQueries.BODY, "饮食清淡。".repeat(40),
                List.of("针灸", "康复"), 40));
    }

    @Test
    void theStretchNeverSplitsACharacterOutsideTheBasicPlane() {
        // Offsets chosen so that both ends of the stretch would fall between the halves of a surrogate pair.
        String text = "a" + "𠀀".repeat(100) + "针灸" + "𠀀".repeat(100);
        String stretch = SearchQueries.near(text, List.of("针灸"), 21);
        assertTrue(stretch.contains("针灸") && stretch.length() < text.length() / 2, stretch);
        assertTrue(stretch.codePoints().allMatch(c -> c == 0x20000 || c == '针' || c == '灸'), stretch);
        assertNull(SearchQueries.near("短文", List.of("短文"), 20), "a short text is analysed whole");
    }

    @Test
    void passagesAreCutAroundTheFirstMarkWithoutBreakingMarkup() {
        assertEquals("ab<mark>cd</mark>", SearchQueries.around("ab<mark>cd</mark>", 10));
        assertEquals("…x<mark>针灸</mark>y…", SearchQueries.around("aaaaaaaax<mark>针灸</mark>ybbbbbbbb", 4));
        assertEquals("<mark>&lt;</mark>&amp;…", SearchQueries.around("<mark>&lt;</mark>&amp;cccccc", 2));
        assertEquals("<mark>ab</mark>…", SearchQueries.around("<mark>abcdef</mark>", 2));
    }

    @Test
    void queriesAreNormalizedAndNeverParsed() {
        assertEquals("针灸 康复", SearchQueries.normalize("  针灸\u3000\t康复 "));
        assertEquals(SearchQueries.MAX_LENGTH, SearchQueries.normalize("针".repeat(500)).length());
        assertNull(SearchQueries.build(analyzer, "   "));
        // Query syntax is just text: no exception, no field access.
        SearchQueries.build(analyzer, "title:(针灸) AND \"*\" OR ~");
    }

    private static String id(IndexSearcher searcher, int doc) {
        try {
            return searcher.storedFields().document(doc).get("id");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SearchDocument doc(long id, String title, String summary, String body) {
        // A later id is a later publication.
        return new SearchDocument(id, id, "a-" + id, title, summary, body,
                Instant.parse("2025-06-30T07:31:00Z").plusSeconds(3600 * id), 1L);
    }
}
