package org.healthportal.cms.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What changed between two versions of an article, for the review screen. The HTML is reduced to its text
 * blocks (headings, paragraphs, list items); blocks are matched by a longest common subsequence, and a changed
 * block is compared character by character, which suits Chinese where words are not separated by spaces.
 * The result is escaped HTML with {@code <ins>} and {@code <del>} marks. Both levels degrade past a size (see
 * {@link #MAX_CELLS}) instead of building a table that grows with the product of the two sides.
 */
public final class TextDiff {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h[1-6]|li|blockquote|figcaption|td|th|dt|dd)>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Largest comparison table, in cells (16 MB of ints), for paragraphs as for characters. */
    static final int MAX_CELLS = 4_000_000;
    /** Character comparisons for all edited blocks of one body together. */
    static final long CHARACTER_BUDGET = 4L * MAX_CELLS;

    private TextDiff() {
    }

    /** The text blocks of an HTML fragment, entities decoded. */
    public static List<String> blocks(String html) {
        List<String> blocks = new ArrayList<>();
        if (html == null) {
            return blocks;
        }
        for (String part : BLOCK_END.split(html)) {
            String text = decode(TAG.matcher(part).replaceAll("")).strip();
            if (!text.isEmpty()) {
                blocks.add(text);
            }
        }
        return blocks;
    }

    /** One line of a diff between two plain texts (title, summary). */
    public static String inline(String before, String after) {
        return chars(before == null ? "" : before, after == null ? "" : after);
    }

    /** The changes from one HTML body to another, as a sequence of HTML paragraphs; see the three-argument form. */
    public static String html(String beforeHtml, String afterHtml) {
        return html(beforeHtml, afterHtml, "Too many changed paragraphs to compare one by one: the old ones are shown"
                + " removed and the new ones added.");
    }

    /**
     * The changes from one HTML body to another, as a sequence of HTML paragraphs. Unchanged paragraphs at the start
     * and the end are set aside first; when the paragraphs in between are too many to match pairwise (the table
     * grows with their product), they are shown as all removed, then all added, after {@code tooLargeNote}: memory
     * stays bounded whatever one editor pastes.
     */
    public static String html(String beforeHtml, String afterHtml, String tooLargeNote) {
        List<String> a = blocks(beforeHtml);
        List<String> b = blocks(afterHtml);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        StringBuilder out = new StringBuilder();
        for (String same : a.subList(0, prefix)) {
            out.append("<p class=\"same\">").append(Html.escape(same)).append("</p>");
        }
        List<String> middleA = a.subList(prefix, a.size() - suffix);
        List<String> middleB = b.subList(prefix, b.size() - suffix);
        if ((long) (middleA.size() + 1) * (middleB.size() + 1) > MAX_CELLS) {
            out.append("<p class=\"diff-note\">").append(Html.escape(tooLargeNote)).append("</p>");
            for (String removed : middleA) {
                out.append("<p class=\"removed\"><del>").append(Html.escape(removed)).append("</del></p>");
            }
            for (String added : middleB) {
                out.append("<p class=\"added\"><ins>").append(Html.escape(added)).append("</ins></p>");
            }
        } else {
            blockDiff(middleA, middleB, out);
        }
        for (String same : a.subList(a.size() - suffix, a.size())) {
            out.append("<p class=\"same\">").append(Html.escape(same)).append("</p>");
        }
        return out.toString();
    }

    private static void blockDiff(List<String> a, List<String> b, StringBuilder out) {
        int[][] lcs = lcs(a, b);
        // Each edited block is compared character by character within one budget for the whole body, so many
        // edited blocks cost time in proportion to the budget, not to their number.
        long budget = CHARACTER_BUDGET;
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.append("<p class=\"same\">").append(Html.escape(a.get(i))).append("</p>");
                i++;
                j++;
            } else if (i < a.size() && j < b.size() && lcs[i + 1][j] == lcs[i][j + 1] && lcs[i + 1][j + 1] == lcs[i][j]) {
                // Neither side is kept by the common part: the block was edited.
                long cells = (long) a.get(i).length() * b.get(j).length();
                out.append("<p class=\"changed\">").append(cells <= budget ? chars(a.get(i), b.get(j))
                        : wholesale(a.get(i), b.get(j))).append("</p>");
                budget -= Math.min(cells, budget);
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.append("<p class=\"added\"><ins>").append(Html.escape(b.get(j))).append("</ins></p>");
                j++;
            } else {
                out.append("<p class=\"removed\"><del>").append(Html.escape(a.get(i))).append("</del></p>");
                i++;
            }
        }
    }

    /** Character-level marks inside one block. Very long blocks fall back to "all removed, all added". */
    static String chars(String before, String after) {
        if ((long) before.length() * after.length() > MAX_CELLS) {
            return wholesale(before, after);
        }
        List<String> a = before.codePoints().mapToObj(Character::toString).toList();
        List<String> b = after.codePoints().mapToObj(Character::toString).toList();
        int[][] lcs = lcs(a, b);
        StringBuilder out = new StringBuilder();
        StringBuilder del = new StringBuilder();
        StringBuilder ins = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                flush(out, del, ins);
                out.append(Html.escape(a.get(i)));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ins.append(b.get(j++));
            } else {
                del.append(a.get(i++));
            }
        }
        flush(out, del, ins);
        return out.toString();
    }

    private static String wholesale(String before, String after) {
        return (before.isEmpty() ? "" : "<del>" + Html.escape(before) + "</del>")
                + (after.isEmpty() ? "" : "<ins>" + Html.escape(after) + "</ins>");
    }

    private static void flush(StringBuilder out, StringBuilder del, StringBuilder ins) {
        if (del.length() > 0) {
            out.append("<del>").append(Html.escape(del.toString())).append("</del>");
            del.setLength(0);
        }
        if (ins.length() > 0) {
            out.append("<ins>").append(Html.escape(ins.toString())).append("</ins>");
            ins.setLength(0);
        }
    }

    /** lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]. */
    private static int[][] lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t;
    }


    private static String decode(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&#61;", "=").replace("&#43;", "+")
                .replace("&#96;", "`").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
