package org.healthportal.cms.site.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Reader queries to Lucene queries, and highlighted snippets. Pure functions over the analyzer, so they are
 * unit-tested without an index.
 *
 * <p>Chinese has no spaces between words, so text is indexed as overlapping character pairs (CJK bigrams):
 * 针灸治疗 becomes 针灸, 灸治, 治疗. Each word of a query must then occur as a phrase of its pairs in the title,
 * summary or body, which is "contains this string" for Chinese and "contains this word" for Latin text. The
 * query is built from terms, never parsed, so no reader input has a query syntax.
 */
public final class SearchQueries {

    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    static final int MAX_WORDS = 8;
    public static final int MAX_LENGTH = 100;

    private SearchQueries() {
    }

    public static Analyzer analyzer() {
        return new CJKAnalyzer();
    }

    /** The normalized query: trimmed, whitespace collapsed, at most {@link #MAX_LENGTH} characters. */
    public static String normalize(String q) {
        if (q == null) {
            return "";
        }
        String s = q.replaceAll("[\\s\\u3000]+", " ").strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH).strip() : s;
    }

    /** Every word must match in some field; a title match weighs most. Null when nothing searchable is left. */
    public static Query build(Analyzer analyzer, String q) {
        String normalized = normalize(q);
        if (normalized.isEmpty()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String word : normalized.split(" ")) {
            if (words == MAX_WORDS) {
                break;
            }
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            boolean found = false;
            for (String field : new String[]{TITLE, SUMMARY, BODY}) {
                Query q1 = builder.createPhraseQuery(field, word);
                if (q1 != null) {
                    float boost = TITLE.equals(field) ? 3f : SUMMARY.equals(field) ? 2f : 1f;
                    anyField.add(new BoostQuery(q1, boost), BooleanClause.Occur.SHOULD);
                    found = true;
                }
            }
            if (found) {
                all.add(anyField.build(), BooleanClause.Occur.MUST);
                words++;
            }
        }
        return words == 0 ? null : all.build();
    }

    /** The whole text, HTML-escaped, with the matched terms in {@code <mark>}. */
    public static String highlightAll(Analyzer analyzer, Query query, String field, String text) {
        String marked = highlight(analyzer, query, field, text, new NullFragmenter());
        return marked != null ? marked : escape(text);
    }

    /** The best passage of about {@code length} characters with the matched terms marked, or null if none matched. */
    public static String bestPassage(Analyzer analyzer, Query query, String field, String text, int length) {
        return highlight(analyzer, query, field, text, new SimpleFragmenter(length));
    }

    private static String highlight(Analyzer analyzer, Query query, String field, String text,
                                    org.apache.lucene.search.highlight.Fragmenter fragmenter) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                new QueryScorer(query, field));
        highlighter.setTextFragmenter(fragmenter);
        highlighter.setMaxDocCharsToAnalyze(Math.max(text.length(), 1));
        try {
            return highlighter.getBestFragment(analyzer, field, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    public static String escape(String text) {
        return SimpleHTMLEncoder.htmlEncode(text == null ? "" : text);
    }
}
