package org.healthportal.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void blocksAreTheTextOfHeadingsParagraphsAndItems() {
        assertEquals(List.of("1、原理", "针灸 <可能> 有效", "合谷", "足三里"),
                TextDiff.blocks("<h2>1、原理</h2><p>针灸 &lt;可能&gt; <strong>有效</strong></p><ul><li>合谷</li><li>足三里</li></ul>"));
    }

    @Test
    void unchangedTextHasNoMarks() {
        String html = "<p>针灸治疗</p>";
        assertEquals("<p class=\"same\">针灸治疗</p>", TextDiff.html(html, html));
    }

    @Test
    void chineseEditsAreMarkedCharacterByCharacter() {
        String diff = TextDiff.inline("针灸可以根治神经损伤", "针灸可能有助于神经损伤恢复");
        assertTrue(diff.startsWith("针灸可"), diff);
        assertTrue(diff.contains("<del>"), diff);
        assertTrue(diff.contains("<ins>"), diff);
        assertTrue(diff.contains("<ins>恢复</ins>"), diff);
    }

    @Test
    void addedAndRemovedParagraphs() {
        String diff = TextDiff.html("<p>第一段</p><p>旧的第二段，全部删除</p><p>第三段</p>",
                "<p>第一段</p><p>第三段</p><p>新增的第四段</p>");
        assertTrue(diff.contains("<p class=\"same\">第一段</p>"), diff);
        assertTrue(diff.contains("<del>旧的第二段，全部删除</del>"), diff);
        assertTrue(diff.contains("<ins>新增的第四段</ins>"), diff);
        assertTrue(diff.contains("<p class=\"same\">第三段</p>"), diff);
    }

    @Test
    void textIsEscaped() {
        String diff = TextDiff.inline("a", "<script>");
        assertFalse(diff.contains("<script>"), diff);
        assertTrue(diff.contains("&lt;script&gt;"), diff);
    }

    @Test
    void emptySides() {
        assertEquals("<p class=\"added\"><ins>新</ins></p>", TextDiff.html(null, "<p>新</p>"));
        assertEquals("<p class=\"removed\"><del>旧</del></p>", TextDiff.html("<p>旧</p>", ""));
    }

    @Test
    void twoLargeBodiesThatDifferEverywhereDegradeToRemovedAndAddedWithANote() {
        // About 2 MB each: 20,000 paragraphs per side. Matching them pairwise would need a table of 400 million
        // cells (1.6 GB); the degraded form needs none.
        String before = paragraphs("旧", 20_000);
        String after = paragraphs("新", 20_000);
        assertTrue(before.length() > 1_000_000 && after.length() > 1_000_000);
        String diff = TextDiff.html(before, after, "太大");
        assertTrue(diff.startsWith("<p class=\"diff-note\">太大</p>"), diff.substring(0, 200));
        assertEquals(20_000, count(diff, "<p class=\"removed\">"));
        assertEquals(20_000, count(diff, "<p class=\"added\">"));
        assertEquals(0, count(diff, "<p class=\"changed\">"));
    }

    @Test
    void unchangedParagraphsAroundALargeChangeStayUnmarked() {
        String head = "<p>开头</p>";
        String tail = "<p>结尾</p>";
        String diff = TextDiff.html(head + paragraphs("旧", 5_000) + tail, head + paragraphs("新", 5_000) + tail, "太大");
        assertTrue(diff.startsWith("<p class=\"same\">开头</p><p class=\"diff-note\">"), diff.substring(0, 200));
        assertTrue(diff.endsWith("<p class=\"same\">结尾</p>"));
    }

    @Test
    void aLargeBodyWithOneEditedParagraphKeepsTheDetailedDiff() {
        String common = paragraphs("同", 20_000);
        String diff = TextDiff.html(common + "<p>针灸可以根治</p>" + common, common + "<p>针灸可能有助于</p>" + common, "太大");
        assertFalse(diff.contains("diff-note"));
        assertEquals(1, count(diff, "<p class=\"changed\">"));
        assertEquals(40_000, count(diff, "<p class=\"same\">"));
    }

    @Test
    void manyEditedBlocksShareOneCharacterBudget() {
        // 1,000 paragraphs of 1,000 characters, each edited: 10^9 character cells in all, past the budget.
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            before.append("<p>").append(i).append("甲".repeat(1_000)).append("</p>");
            after.append("<p>").append(i).append("乙".repeat(1_000)).append("</p>");
        }
        String diff = TextDiff.html(before.toString(), after.toString(), "太大");
        assertEquals(1_000, count(diff, "<p class=\"changed\">"));
        // Past the budget an edited block is shown as a whole: removed, then added, with no common part.
        assertTrue(diff.endsWith("<p class=\"changed\"><del>999" + "甲".repeat(1_000) + "</del><ins>999"
                + "乙".repeat(1_000) + "</ins></p>"), diff.substring(diff.length() - 100));
    }

    private static String paragraphs(String word, int n) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < n; i++) {
            html.append("<p>").append(word).append(i).append(" ").append("针灸康复".repeat(20)).append("</p>");
        }
        return html.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
