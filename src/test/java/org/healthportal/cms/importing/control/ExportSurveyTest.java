package org.healthportal.cms.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.healthportal.cms.testsupport.WxrExports;
import org.junit.jupiter.api.Test;

class ExportSurveyTest {

    private static ExportSurvey of(String xml) {
        return ExportSurvey.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFirstPassKeepsWhatTheSecondNeedsWhereverTheFileListsIt() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        ExportSurvey survey = of(WxrExports.site("https://old.example.cn/").author("editor", "王医生")
                .category("tcm", "中医", "")
                .item(1, "post", "publish", "帖子", "post", "editor", "<p>正文</p>", "", t, List.of("tcm"), List.of(), 9)
                .item(2, "page", "publish", "页面", "page", "editor", "<p>页</p>", "", t, List.of(), List.of(), 0)
                .attachment(9, 1, "2020/01/a.png", "替代文本")
                .xml());
        assertEquals("https://old.example.cn", survey.siteKey(), "without the trailing slash");
        assertEquals(2, survey.items(), "attachments are not items to import");
        assertEquals(1, survey.posts());
        assertEquals(1, survey.pages());
        assertEquals("替代文本", survey.attachments().get(9L).alt(), "an attachment after the post that uses it");
        assertTrue(survey.attachments().get(9L).url().endsWith("/wp-content/uploads/2020/01/a.png"));
        assertEquals("王医生", survey.authors().get(0).displayName());
        assertEquals("中医", survey.categories().get(0).name());
    }

    @Test
    void aCutFileIsRefusedWithWhere() {
        String xml = WxrExports.site("https://old.example.cn").category("tcm", "中医", "").xml();
        WxrException e = assertThrows(WxrException.class, () -> of(xml.substring(0, xml.length() - 40)));
        assertTrue(e.line() > 0, e.getMessage());
        assertEquals("import.malformed", e.key());
    }
}
