package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryPlanTest {

    @Test
    void parentsComeBeforeChildrenWhateverTheFileOrder() {
        CategoryPlan plan = CategoryPlan.of(List.of(new Wxr.Term("moxa", "艾灸", "acupuncture"),
                new Wxr.Term("acupuncture", "针灸", "tcm"), new Wxr.Term("tcm", "中医", ""),
                new Wxr.Term("rehab", "康复", "")));
        assertEquals(List.of("tcm", "acupuncture", "moxa", "rehab"),
                plan.entries().stream().map(e -> e.term().slug()).toList());
        assertEquals(List.of("tcm", "acupuncture", "moxa"), plan.find("moxa").orElseThrow().path());
        assertEquals("acupuncture", plan.find("moxa").orElseThrow().parentSlug());
        assertNull(plan.find("tcm").orElseThrow().parentSlug());
        assertTrue(plan.notes().isEmpty(), plan.notes().toString());
    }

    @Test
    void aMissingParentACycleADuplicateAndABlankSlugAreNotedAndNothingIsLost() {
        CategoryPlan plan = CategoryPlan.of(List.of(new Wxr.Term("a", "甲", "b"), new Wxr.Term("b", "乙", "a"),
                new Wxr.Term("orphan", "孤", "gone"), new Wxr.Term("a", "甲二", ""), new Wxr.Term("", "无", "")));
        assertEquals(List.of("b", "a", "orphan"), plan.entries().stream().map(e -> e.term().slug()).toList());
        assertEquals(List.of("b", "a"), plan.find("a").orElseThrow().path());
        assertNull(plan.find("b").orElseThrow().parentSlug(), "the cycle is cut at the top");
        assertNull(plan.find("orphan").orElseThrow().parentSlug());
        assertEquals(4, plan.notes().size(), plan.notes().toString());
    }
}
