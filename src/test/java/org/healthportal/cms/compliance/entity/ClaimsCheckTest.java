package org.healthportal.cms.compliance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsCheckTest {

    private final List<ClaimTerm> dictionary = List.of(
            new ClaimTerm("最", ClaimTerm.Kind.ABSOLUTE, null),
            new ClaimTerm("根治", ClaimTerm.Kind.EFFICACY, null),
            new ClaimTerm("100%", ClaimTerm.Kind.EFFICACY, null),
            new ClaimTerm("cure", ClaimTerm.Kind.EFFICACY, null),
            new ClaimTerm("no side effects", ClaimTerm.Kind.EFFICACY, null),
            new ClaimTerm("立即预约", ClaimTerm.Kind.CTA, null));

    @Test
    void findsChineseTermsInTitleLeadAndBody() {
        List<ClaimsCheck.Finding> found = ClaimsCheck.run("针灸最有效的方法", "可以根治面瘫",
                "<p>治疗<strong>根治</strong>率高，<a href=\"/x\">立即预约</a></p>", dictionary);
        assertEquals(List.of("最", "根治", "立即预约"), found.stream().map(ClaimsCheck.Finding::term).toList());
        ClaimsCheck.Finding cure = found.get(1);
        assertEquals(2, cure.occurrences());
        assertEquals(ClaimTerm.Kind.EFFICACY, cure.kind());
        assertTrue(cure.excerpt().contains("可以根治面瘫"), cure.excerpt());
        assertEquals(ClaimTerm.Kind.CTA, found.get(2).kind());
    }

    @Test
    void englishTermsMatchWholeWordsWhateverTheCase() {
        List<String> found = ClaimsCheck.run("A CURE for back pain", "Secure and curated", "<p>No Side Effects!</p>",
                dictionary).stream().map(ClaimsCheck.Finding::term).toList();
        assertEquals(List.of("cure", "no side effects"), found);
    }

    @Test
    void symbolsMatchToo() {
        assertEquals(1, ClaimsCheck.run("有效", "100%缓解", "<p>文</p>", dictionary).size());
    }

    @Test
    void markupIsNotText() {
        assertTrue(ClaimsCheck.run("标题", "摘要", "<p class=\"cure\">正文</p>", dictionary).isEmpty());
    }

    @Test
    void everyFindingNeedsAJustification() {
        List<ClaimsCheck.Finding> found = ClaimsCheck.run("最新研究", "摘要", "<p>根治</p>", dictionary);
        assertEquals(List.of("最", "根治"), ClaimsCheck.unjustified(found, Map.of()));
        assertEquals(List.of("根治"), ClaimsCheck.unjustified(found, Map.of("最", "“最新”是时间描述", "根治", " ")));
        assertTrue(ClaimsCheck.unjustified(found, Map.of("最", "时间描述", "根治", "引用指南原文")).isEmpty());
    }

    @Test
    void marksAreInTextOnly() {
        String marked = ClaimMarks.mark("<p title=\"根治\">可以根治</p>", List.of("根治"));
        assertEquals("<p title=\"根治\">可以<mark class=\"claim\">根治</mark></p>", marked);
        assertFalse(ClaimMarks.mark("<p>secure</p>", List.of("cure")).contains("mark"));
    }
}
