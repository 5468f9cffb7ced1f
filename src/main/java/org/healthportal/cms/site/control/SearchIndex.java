package org.healthportal.cms.site.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.highlight.WeightedTerm;
import org.apache.lucene.store.MMapDirectory;

/**
 * This node's full-text index of the live articles, in a temporary directory that is rebuilt from the database at
 * every start and kept current by {@link SiteChanges}. Each node has its own: an index is cheaper to rebuild than to
 * share, and the cluster-wide change signal keeps them all right.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    static final int MAX_PAGES = 50;
    static final int COUNT_EXACTLY_UP_TO = 1_000;
    private static final int EXCERPT = 90;

    private final Analyzer analyzer = SearchQueries.analyzer();
    private Path dir;
    private MMapDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    /** Articles an event wrote while a rebuild ran: the rebuild's older copy must not overwrite them. */
    private final Set<Long> touchedDuringRebuild = ConcurrentHashMap.newKeySet();

    /**
     * Recent pages of results, by query and page, each with the version of the index it was read from: a health
     * portal's readers ask the same few questions over and over (失眠, 颈椎病), and each is answered from here until
     * the index changes. The version moves after each change is visible to searches, so a page read before a
     * change is never served after it. Per node, bounded, forgotten whole when full.
     */
    private final Map<String, Recent> recent = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    static final int MAX_RECENT = 1_000;

    private record Recent(long version, SearchResult result) {
    }
    private volatile boolean rebuilding;
    private volatile boolean ready;

    @PostConstruct
    void open() {
        try {
            dir = Files.createTempDirectory("cms-search-");
            directory = new MMapDirectory(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(64);
            // Newest first on disk: among equally good hits the newest wins, and a search can stop early.
            config.setIndexSort(SearchQueries.NEWEST_FIRST);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the search index", e);
        }
    }

    @PreDestroy
    void close() {
        try {
            searchers.close();
            writer.rollback();
            directory.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing the search index", e);
        }
    }

    /** Fills the index from the database, a batch at a time; searches answer from what is there meanwhile. */
    public void rebuild(PublicContent content) {
        rebuilding = true;
        touchedDuringRebuild.clear();
        long started = System.nanoTime();
        int count = 0;
        try {
            long after = 0;
            List<SearchDocument> batch;
            while (!(batch = content.searchDocuments(after, 1000)).isEmpty()) {
                for (SearchDocument d : batch) {
                    synchronized (this) {
                        if (!touchedDuringRebuild.contains(d.articleId())) {
                            writer.updateDocument(idTerm(d.articleId()), document(d));
                            count++;
                        }
                    }
                }
                after = batch.get(batch.size() - 1).articleId();
                // Blocking: the version may only move once searches see the batch (maybeRefresh skips its refresh
                // while another thread's runs, which may have begun before the batch was added).
                searchers.maybeRefreshBlocking();
                changed();
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebuilding = false;
            ready = true;
        }
        int indexed = count;
        LOG.info(() -> "Search index built: " + indexed + " live articles in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        merge();
    }

    /**
     * After the rebuild, the index in one segment: a search looks each term up and sets up its scorers once per
     * segment, and the rebuild leaves one per flush of the writer's buffer. Searches are answered from the
     * segments as they are meanwhile; later changes add small segments, which the merge policy keeps few.
     */
    private void merge() {
        long started = System.nanoTime();
        try {
            int before = segments();
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
            LOG.info(() -> "Search index merged from " + before + " segments in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            // Searches work as well from several segments, only a little slower.
            LOG.log(Level.WARNING, "Merging the search index", e);
        }
    }

    /** Puts the article's live revision in the index. */
    public void put(SearchDocument d) {
        try {
            synchronized (this) {
                touch(d.articleId());
                writer.updateDocument(idTerm(d.articleId()), document(d));
            }
            searchers.maybeRefreshBlocking();
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes an article out of the index: it is no longer live. */
    public void remove(Long articleId) {
        try {
            synchronized (this) {
                touch(articleId);
                writer.deleteDocuments(idTerm(articleId));
            }
            searchers.maybeRefreshBlocking();
            changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After searches see a change: every page of results read before it is out of date. */
    private void changed() {
        version.incrementAndGet();
        recent.clear();
    }

    private void touch(Long articleId) {
        if (rebuilding) {
            touchedDuringRebuild.add(articleId);
        }
    }

    /** One page (zero-based) of hits for a reader's query, best first. */
    public SearchResult search(String q, int page, int size) {
        String normalized = SearchQueries.normalize(q);
        if (normalized.isEmpty() || page < 0 || page >= MAX_PAGES) {
            return SearchResult.empty(normalized, page, size);
        }
        String key = page + " " + size + " " + normalized;
        // Read before the searcher is taken: a change after this makes the page read here out of date.
        long current = version.get();
        Recent kept = recent.get(key);
        if (kept != null && kept.version() == current) {
            return kept.result();
        }
        SearchQueries.Parts parts = SearchQueries.parts(analyzer, normalized);
        if (parts == null) {
            return SearchResult.empty(normalized, page, size);
        }
        SearchResult result = read(parts, normalized, page, size);
        if (recent.size() >= MAX_RECENT) {
            recent.clear();
        }
        recent.put(key, new Recent(current, result));
        return result;
    }

    private SearchResult read(SearchQueries.Parts parts, String normalized, int page, int size) {
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            int wanted = (page + 1) * size;
            TopDocs top = RankedHits.top(searcher, parts, wanted, COUNT_EXACTLY_UP_TO);
            List<SearchResult.Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            Marks terms = new Marks(parts);
            StoredFields stored = searcher.storedFields();
            for (int i = page * size; i < docs.length; i++) {
                hits.add(hit(terms, stored.document(docs[i].doc)));
            }
            return new SearchResult(normalized, List.copyOf(hits), top.totalHits.value,
                    top.totalHits.relation == TotalHits.Relation.EQUAL_TO, page, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Releasing a searcher", e);
                }
            }
        }
    }

    /** The query's terms per field, taken out once for all the hits of a page; the body's only if needed. */
    private static final class Marks {
        private final Query query;
        /** The query's words as typed, to find where in a body they are before it is analysed. */
        final List<String> words;
        final WeightedTerm[] title;
        final WeightedTerm[] summary;
        private WeightedTerm[] body;

        Marks(SearchQueries.Parts parts) {
            this.query = parts.marks();
            this.words = parts.words();
            this.title = SearchQueries.terms(query, SearchQueries.TITLE);
            this.summary = SearchQueries.terms(query, SearchQueries.SUMMARY);
        }

        WeightedTerm[] body() {
            if (body == null) {
                body = SearchQueries.terms(query, SearchQueries.BODY);
            }
            return body;
        }
    }

    private SearchResult.Hit hit(Marks marks, Document doc) {
        String title = doc.get(SearchQueries.TITLE);
        String summary = doc.get(SearchQueries.SUMMARY);
        String excerpt = SearchQueries.bestPassage(analyzer, marks.summary, SearchQueries.SUMMARY, summary, EXCERPT);
        if (excerpt == null) {
            excerpt = SearchQueries.bestPassage(analyzer, marks.body(), SearchQueries.BODY, doc.get(SearchQueries.BODY),
                    marks.words, EXCERPT);
        }
        if (excerpt == null) {
            excerpt = SearchQueries.escape(Excerpts.cut(summary, EXCERPT));
        }
        return new SearchResult.Hit(doc.get("slug"),
                SearchQueries.highlightAll(analyzer, marks.title, SearchQueries.TITLE, title), excerpt,
                Instant.ofEpochMilli(doc.getField(SearchQueries.PUBLISHED).numericValue().longValue()));
    }

    private int segments() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    public boolean isReady() {
        return ready;
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    private static Term idTerm(Long articleId) {
        return new Term("id", articleId.toString());
    }

    static Document document(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField("id", d.articleId().toString(), Field.Store.YES));
        doc.add(new StoredField("slug", d.slug()));
        long published = d.publishedAt() == null ? 0L : d.publishedAt().toEpochMilli();
        doc.add(new StoredField(SearchQueries.PUBLISHED, published));
        doc.add(new org.apache.lucene.document.NumericDocValuesField(SearchQueries.PUBLISHED, published));
        doc.add(new TextField(SearchQueries.TITLE, d.title(), Field.Store.YES));
        doc.add(new TextField(SearchQueries.SUMMARY, d.summary(), Field.Store.YES));
        String body = Excerpts.plainText(d.body());
        // Kept for the excerpt only: the body is searched within TEXT, and its own postings (half the index) were
        // never read.
        doc.add(new StoredField(SearchQueries.BODY, body));
        for (String value : new String[]{d.title(), d.summary(), body}) {
            doc.add(new TextField(SearchQueries.TEXT, value, Field.Store.NO));
        }
        return doc;
    }
}
