package org.healthportal.cms.workflow.control;

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
}
