package org.healthportal.cms.site.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.WeightedTerm;
import org.apache.lucene.search.highlight.Fragmenter;
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
    /** Title, lead and body together (indexed, not stored): what a search must match. */
    public static final String TEXT = "text";
    public static final String PUBLISHED = "published";
    /** The index order, and so the order among hits of equal score. */
    static final org.apache.lucene.search.Sort NEWEST_FIRST = new org.apache.lucene.search.Sort(
            new org.apache.lucene.search.SortField(PUBLISHED, org.apache.lucene.search.SortField.Type.LONG, true));
    static final int MAX_WORDS = 8;
    public static final int MAX_LENGTH = 100;

    private SearchQueries() {
    }

    public static Analyzer analyzer() {
        Analyzer cjk = new CJKAnalyzer();
        return new org.apache.lucene.analysis.DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return cjk;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                // Title, lead and body go into TEXT as three values: no phrase may match across two of them.
                return 100;
            }
        };
    }

    /** The normalized query: trimmed, whitespace collapsed, at most {@link #MAX_LENGTH} characters. */
    public static String normalize(String q) {
        if (q == null) {
            return "";
        }
        String s = q.replaceAll("[\\s\\u3000]+", " ").strip();
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH).strip() : s;
    }

    /**
     * Every word must match, as a phrase, in the title, lead or body. Hits rank in tiers: each word found in the
     * title counts 4, in the lead 2, anywhere 1; within a tier the newest article comes first (the index is kept
     * newest first). Fixed weights instead of term statistics let the search stop once no later article can reach
     * the page (BM25 over three fields per word read every match: over 60 ms a query at 100,000 articles). Null
     * when nothing searchable is left.
     */
    public static Query build(Analyzer analyzer, String q) {
        Parts parts = parts(analyzer, q);
        if (parts == null) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (BooleanClause clause : (BooleanQuery) parts.required()) {
            all.add(new ConstantScoreQuery(clause.getQuery()), BooleanClause.Occur.MUST);
        }
        for (BooleanClause clause : (BooleanQuery) parts.tiers()) {
            all.add(clause.getQuery(), BooleanClause.Occur.SHOULD);
        }
        return all.build();
    }

    /**
     * {@link #build} in two parts, as {@link RankedHits} runs it: what a hit must match (every word in the text), and
     * what raises it a tier (each word in the title or lead, with its weight); with the same words per field for
     * marking them. Null when nothing searchable is left (a lone Chinese character or punctuation is not).
     */
    public static Parts parts(Analyzer analyzer, String q) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        BooleanQuery.Builder tiers = new BooleanQuery.Builder();
        BooleanQuery.Builder marks = new BooleanQuery.Builder();
        List<String> words = new ArrayList<>();
        String normalized = normalize(q);
        for (String word : normalized.isEmpty() ? new String[0] : normalized.split(" ")) {
            Query text = words.size() < MAX_WORDS ? builder.createPhraseQuery(TEXT, word) : null;
            if (text == null) {
                continue;
            }
            words.add(word);
            // Every field has the same analyzer: a word that is a phrase in the text is one in each field.
            Query title = builder.createPhraseQuery(TITLE, word);
            Query summary = builder.createPhraseQuery(SUMMARY, word);
            required.add(text, BooleanClause.Occur.FILTER);
            tiers.add(new BoostQuery(new ConstantScoreQuery(title), 4f), BooleanClause.Occur.SHOULD);
            tiers.add(new BoostQuery(new ConstantScoreQuery(summary), 2f), BooleanClause.Occur.SHOULD);
            marks.add(title, BooleanClause.Occur.SHOULD);
            marks.add(summary, BooleanClause.Occur.SHOULD);
            marks.add(builder.createPhraseQuery(BODY, word), BooleanClause.Occur.SHOULD);
        }
        return words.isEmpty() ? null : new Parts(required.build(), tiers.build(), marks.build(), List.copyOf(words));
    }

    /**
     * What a hit must match, what raises it a tier, the words per field for marking, and the words searched for as
     * the reader typed them (every hit matches each).
     */
    public record Parts(Query required, Query tiers, Query marks, List<String> words) {
    }

    /** The same words per field, for marking them in the title, lead and body of a hit. */
    public static Query forHighlighting(Analyzer analyzer, String q) {
        Parts parts = parts(analyzer, q);
        return parts == null ? null : parts.marks();
    }

    /** The whole text, HTML-escaped, with the matched terms in {@code <mark>}. */
    public static String highlightAll(Analyzer analyzer, Query query, String field, String text) {
        return highlightAll(analyzer, terms(query, field), field, text);
    }

    /** As {@link #highlightAll(Analyzer, Query, String, String)}, with the query's terms in the field already taken out. */
    public static String highlightAll(Analyzer analyzer, WeightedTerm[] terms, String field, String text) {
        String marked = highlight(analyzer, terms, field, text, scorer -> new NullFragmenter());
        return marked != null ? marked : escape(text);
    }

    /** The best passage of about {@code length} characters with the matched terms marked, or null if none matched. */
    public static String bestPassage(Analyzer analyzer, Query query, String field, String text, int length) {
        return bestPassage(analyzer, terms(query, field), field, text, length);
    }

    /** As {@link #bestPassage(Analyzer, Query, String, String, int)}, with the query's terms in the field taken out. */
    public static String bestPassage(Analyzer analyzer, WeightedTerm[] terms, String field, String text, int length) {
        String marked = highlight(analyzer, terms, field, text, scorer -> new SimpleFragmenter(length));
        return marked == null ? null : around(marked, length);
    }

    /**
     * As {@link #bestPassage(Analyzer, WeightedTerm[], String, String, int)} over a long text, analysing only the
     * stretch of it where most of the query's {@code words} occur together (found as plain text, case folded), and the
     * whole text only when no word is found that way. Ten excerpts out of the benchmark's bodies (840 characters),
     * one thread: 530 µs analysing each body whole, 160 µs analysing the stretch.
     */
    public static String bestPassage(Analyzer analyzer, WeightedTerm[] terms, String field, String text,
                                     List<String> words, int length) {
        String stretch = near(text, words, length);
        String marked = stretch == null ? null : bestPassage(analyzer, terms, field, stretch, length);
        return marked != null ? marked : bestPassage(analyzer, terms, field, text, length);
    }

    /**
     * The part of {@code text} from half a passage before the place where the most different {@code words} start
     * within one passage, to a passage and a half after it; null when the text is short or no word occurs in it as
     * written (the analyser may still match it: full-width letters, say).
     */
    static String near(String text, List<String> words, int length) {
        if (text == null || text.length() <= 3 * length) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String folded = lower.length() == text.length() ? lower : text;
        List<int[]> found = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w).toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            for (int at = folded.indexOf(word), n = 0; at >= 0 && n < 64; at = folded.indexOf(word, at + 1), n++) {
                found.add(new int[]{at, w});
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        found.sort(Comparator.comparingInt(f -> f[0]));
        int[] counts = new int[words.size()];
        int distinct = 0;
        int best = 0;
        int bestStart = found.get(0)[0];
        for (int first = 0, last = 0; first < found.size(); first++) {
            for (; last < found.size() && found.get(last)[0] < found.get(first)[0] + length; last++) {
                if (counts[found.get(last)[1]]++ == 0) {
                    distinct++;
                }
            }
            if (distinct > best) {
                best = distinct;
                bestStart = found.get(first)[0];
            }
            if (--counts[found.get(first)[1]] == 0) {
                distinct--;
            }
        }
        int start = Math.max(0, bestStart - length / 2);
        int end = Math.min(text.length(), bestStart + length + length / 2);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /**
     * The query's terms in one field, for marking: taken out once per search and field, not once per hit (taking
     * them out of the query was a tenth of a search page).
     */
    public static WeightedTerm[] terms(Query query, String field) {
        return QueryTermExtractor.getTerms(query, false, field);
    }

    /**
     * At most {@code length} visible characters of escaped, marked text, starting a little before the first mark.
     * Tags take no room and entities count as one character; neither is ever cut, and an open mark is closed.
     */
    static String around(String marked, int length) {
        List<String> units = new ArrayList<>();
        int firstMark = -1;
        for (int i = 0; i < marked.length(); ) {
            int end = i + 1;
            char c = marked.charAt(i);
            if (c == '<') {
                end = marked.indexOf('>', i) + 1;
                if (firstMark < 0 && marked.startsWith("<mark>", i)) {
                    firstMark = units.size();
                }
            } else if (c == '&' && marked.indexOf(';', i) > i) {
                end = marked.indexOf(';', i) + 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < marked.length()) {
                end = i + 2;
            }
            units.add(marked.substring(i, end));
            i = end;
        }
        int visible = 0;
        for (String u : units) {
            visible += u.startsWith("<") ? 0 : 1;
        }
        if (visible <= length) {
            return marked;
        }
        int start = 0;
        int before = 0;
        for (int i = Math.max(firstMark, 0) - 1; i >= 0 && before < length / 4; i--) {
            start = i;
            before += units.get(i).startsWith("<") ? 0 : 1;
        }
        if (firstMark <= 0) {
            start = 0;
        }
        StringBuilder out = new StringBuilder(start > 0 ? "…" : "");
        boolean open = false;
        int taken = 0;
        int i = start;
        for (; i < units.size() && taken < length; i++) {
            String u = units.get(i);
            if (u.equals("<mark>")) {
                open = true;
            } else if (u.equals("</mark>")) {
                open = false;
            } else {
                taken++;
            }
            out.append(u);
        }
        if (open) {
            out.append("</mark>");
        }
        return i < units.size() ? out + "…" : out.toString();
    }

    private static String highlight(Analyzer analyzer, WeightedTerm[] terms, String field, String text,
                                    Function<QueryTermScorer, Fragmenter> fragmenter) {
        if (text == null || text.isEmpty() || terms.length == 0) {
            return null;
        }
        // Terms, not spans: span scoring builds an in-memory index per text, the slowest part of a search page.
        // Adjacent matched bigrams overlap, so the highlighter marks a matched word as one run anyway.
        QueryTermScorer scorer = new QueryTermScorer(terms);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                scorer);
        highlighter.setTextFragmenter(fragmenter.apply(scorer));
        highlighter.setMaxDocCharsToAnalyze(Math.max(text.length(), 1));
        try {
            return highlighter.getBestFragment(analyzer, field, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    /** As the highlighter encodes its excerpts, so highlighted and plain excerpts read the same. */
    public static String escape(String text) {
        return SimpleHTMLEncoder.htmlEncode(text == null ? "" : text);
    }
}
