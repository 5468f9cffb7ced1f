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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
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
                searchers.maybeRefresh();
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            rebuilding = false;
            ready = true;
        }
        int indexed = count;
        LOG.info(() -> "Search index built: " + indexed + " live articles in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Puts the article's live revision in the index. */
    public void put(SearchDocument d) {
        try {
            synchronized (this) {
                touch(d.articleId());
                writer.updateDocument(idTerm(d.articleId()), document(d));
            }
            searchers.maybeRefreshBlocking();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void touch(Long articleId) {
        if (rebuilding) {
            touchedDuringRebuild.add(articleId);
        }
    }

    /** One page (zero-based) of hits for a reader's query, best first. */
    public SearchResult search(String q, int page, int size) {
        String normalized = SearchQueries.normalize(q);
        Query query = SearchQueries.build(analyzer, normalized);
        Query marks = SearchQueries.forHighlighting(analyzer, normalized);
        if (query == null || page < 0 || page >= MAX_PAGES) {
            return SearchResult.empty(normalized, page, size);
        }
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            int wanted = (page + 1) * size;
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, null, COUNT_EXACTLY_UP_TO));
            List<SearchResult.Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = page * size; i < docs.length; i++) {
                Document doc = searcher.storedFields().document(docs[i].doc);
                hits.add(hit(marks, doc));
            }
            return new SearchResult(normalized, hits, top.totalHits.value,
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

    private SearchResult.Hit hit(Query query, Document doc) {
        String title = doc.get(SearchQueries.TITLE);
        String summary = doc.get(SearchQueries.SUMMARY);
        String excerpt = SearchQueries.bestPassage(analyzer, query, SearchQueries.SUMMARY, summary, EXCERPT);
        if (excerpt == null) {
            excerpt = SearchQueries.bestPassage(analyzer, query, SearchQueries.BODY, doc.get(SearchQueries.BODY), EXCERPT);
        }
        if (excerpt == null) {
            excerpt = SearchQueries.escape(Excerpts.cut(summary, EXCERPT));
        }
        return new SearchResult.Hit(doc.get("slug"), SearchQueries.highlightAll(analyzer, query, SearchQueries.TITLE, title),
                excerpt, Instant.ofEpochMilli(doc.getField(SearchQueries.PUBLISHED).numericValue().longValue()));
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
        doc.add(new TextField(SearchQueries.BODY, body, Field.Store.YES));
        for (String value : new String[]{d.title(), d.summary(), body}) {
            doc.add(new TextField(SearchQueries.TEXT, value, Field.Store.NO));
        }
        return doc;
    }
}
