package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The ranked search finds the same hits, in the same order, as the one query that scores every match. */
class RankedHitsTest {

    private static final String[] WORDS = {"针灸", "康复", "推拿", "饮食", "睡眠", "中药", "颈椎", "运动", "情绪", "复查",
        "热敷", "疲劳", "肌肉", "神经", "骨折", "血液循环"};

    private final Analyzer analyzer = SearchQueries.analyzer();

    @Test
    void everyPageMatchesTheQueryThatScoresEveryMatch() throws IOException {
        Random random = new Random(7);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setIndexSort(SearchQueries.NEWEST_FIRST)
                    .setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 1; i <= 2_500; i++) {
                    w.addDocument(SearchIndex.document(new SearchDocument((long) i, (long) i, "a-" + i,
                            // Most words only in the body: many queries have fewer tiered hits than a page.
                            "标题" + text(random, random.nextInt(4) == 0 ? 1 : 0),
                            "摘要" + text(random, random.nextInt(3) == 0 ? 1 : 0),
                            "<p>" + text(random, 2 + random.nextInt(12)) + "</p>",
                            Instant.ofEpochSecond(1_700_000_000L + i * 60L), 1L)));
                    if (i % 700 == 0) {
                        w.commit(); // several segments, as a node has between merges
                    }
                }
                for (int i = 13; i <= 2_500; i += 13) {
                    w.deleteDocuments(new Term("id", String.valueOf(i))); // withdrawn articles
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                assertTrue(reader.hasDeletions(), "with deletions");
                IndexSearcher searcher = new IndexSearcher(reader);
                int compared = 0;
                for (int q = 0; q < 120; q++) {
                    String query = pick(random) + (q % 3 == 0 ? "" : " " + pick(random)) + (q % 4 == 0 ? " " + pick(random) : "");
                    for (int page = 0; page < 3; page++) {
                        int wanted = (page + 1) * 10;
                        TopDocs expected = searcher.search(SearchQueries.build(analyzer, query),
                                new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
                        for (int countUpTo : new int[]{50, 1_000_000}) {
                            TopDocs actual = RankedHits.top(searcher, SearchQueries.parts(analyzer, query), wanted, countUpTo);
                            assertEquals(ids(expected), ids(actual), query + ", page " + page);
                            assertEquals(scores(expected), scores(actual), query + ", page " + page);
                            long all = expected.totalHits.value;
                            if (all < countUpTo) {
                                assertEquals(all, actual.totalHits.value, query);
                                assertEquals(TotalHits.Relation.EQUAL_TO, actual.totalHits.relation, query);
                            } else {
                                assertEquals(countUpTo, actual.totalHits.value, query);
                                assertEquals(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO, actual.totalHits.relation, query);
                            }
                        }
                        compared += expected.scoreDocs.length;
                    }
                }
                assertTrue(compared > 1_000, "the queries found hits to compare: " + compared);
            }
        }
    }

    @Test
    void aQueryWithFewHitsListsThemAllWithTheirTiers() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir,
                    new IndexWriterConfig(analyzer).setIndexSort(SearchQueries.NEWEST_FIRST))) {
                w.addDocument(SearchIndex.document(doc(1, "针灸入门", "简介", "<p>针灸的历史。</p>")));
                w.addDocument(SearchIndex.document(doc(2, "康复训练", "配合针灸", "<p>训练要点。</p>")));
                w.addDocument(SearchIndex.document(doc(3, "饮食", "清淡", "<p>也可以针灸。</p>")));
                w.addDocument(SearchIndex.document(doc(4, "睡眠", "作息", "<p>规律作息。</p>")));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs top = RankedHits.top(searcher, SearchQueries.parts(analyzer, "针灸"), 10, 1_000);
                assertEquals(List.of("1", "2", "3"), Arrays.stream(top.scoreDocs)
                        .map(d -> id(searcher, d.doc)).toList(), "title, then lead, then body only");
                assertEquals(3, top.totalHits.value);
                assertEquals(0, RankedHits.top(searcher, SearchQueries.parts(analyzer, "针灸 骨折"), 10, 1_000)
                        .scoreDocs.length);
            }
        }
    }

    private static String pick(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String text(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(pick(random)).append(random.nextBoolean() ? "，" : "的");
        }
        return s.toString();
    }

    private static List<Integer> ids(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.doc).toList();
    }

    private static List<Float> scores(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.score).toList();
    }

    private static SearchDocument doc(long id, String title, String summary, String body) {
        return new SearchDocument(id, id, "a-" + id, title, summary, body, Instant.ofEpochSecond(1_700_000_000L + id), 1L);
    }

    private static String id(IndexSearcher searcher, int doc) {
        try {
            return searcher.storedFields().document(doc).get("id");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
