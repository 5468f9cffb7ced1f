package org.healthportal.cms.site.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void plainTextDropsTagsAndDecodesEntities() {
        assertEquals("1、原理 针刺 & 艾灸 <安全>", Excerpts.plainText("<h2>1、原理</h2><p>针刺 &amp; 艾灸 &lt;安全&gt;</p>"));
        assertEquals("a b", Excerpts.plainText("<p>a</p><p>b</p>"));
        assertEquals("中", Excerpts.plainText("&#20013;"));
        assertEquals("&bogus; x", Excerpts.plainText("&bogus; x"));
        assertEquals("", Excerpts.plainText(null));
    }

    @Test
    void cutCountsCharactersNotBytesAndMarksTheCut() {
        assertEquals("针灸治疗", Excerpts.cut("针灸治疗", 4));
        assertEquals("针灸治…", Excerpts.cut("针灸治疗", 3));
        assertEquals("a b…", Excerpts.cut("a   b  c d", 3));
        // A character outside the BMP is one character, never split in half.
        assertEquals("𠀀𠀀…", Excerpts.cut("𠀀𠀀𠀀", 2));
        assertEquals("", Excerpts.cut(null, 3));
    }
}
