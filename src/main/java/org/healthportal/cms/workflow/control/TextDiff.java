package org.healthportal.cms.workflow.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What changed between two versions of an article, for the review screen. The HTML is reduced to its text
 * blocks (headings, paragraphs, list items); blocks are matched by a longest common subsequence, and a changed
 * block is compared character by character, which suits Chinese where words are not separated by spaces.
 * The result is escaped HTML with {@code <ins>} and {@code <del>} marks.
 */
public final class TextDiff {

    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h[1-6]|li|blockquote|figcaption|td|th|dt|dd)>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final int MAX_CELLS = 4_000_000;

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

    /** The changes from one HTML body to another, as a sequence of HTML paragraphs. */
    public static String html(String beforeHtml, String afterHtml) {
        List<String> a = blocks(beforeHtml);
        List<String> b = blocks(afterHtml);
        int[][] lcs = lcs(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.append("<p class=\"same\">").append(escape(a.get(i))).append("</p>");
                i++;
                j++;
            } else if (i < a.size() && j < b.size() && lcs[i + 1][j] == lcs[i][j + 1] && lcs[i + 1][j + 1] == lcs[i][j]) {
                // Neither side is kept by the common part: the block was edited.
                out.append("<p class=\"changed\">").append(chars(a.get(i), b.get(j))).append("</p>");
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.append("<p class=\"added\"><ins>").append(escape(b.get(j))).append("</ins></p>");
                j++;
            } else {
                out.append("<p class=\"removed\"><del>").append(escape(a.get(i))).append("</del></p>");
                i++;
            }
        }
        return out.toString();
    }

    /** Character-level marks inside one block. Very long blocks fall back to "all removed, all added". */
    static String chars(String before, String after) {
        if ((long) before.length() * after.length() > MAX_CELLS) {
            return (before.isEmpty() ? "" : "<del>" + escape(before) + "</del>")
                    + (after.isEmpty() ? "" : "<ins>" + escape(after) + "</ins>");
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
                out.append(escape(a.get(i)));
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

    private static void flush(StringBuilder out, StringBuilder del, StringBuilder ins) {
        if (del.length() > 0) {
            out.append("<del>").append(escape(del.toString())).append("</del>");
            del.setLength(0);
        }
        if (ins.length() > 0) {
            out.append("<ins>").append(escape(ins.toString())).append("</ins>");
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

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String decode(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&#64;", "@").replace("&#61;", "=").replace("&#43;", "+")
                .replace("&#96;", "`").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
