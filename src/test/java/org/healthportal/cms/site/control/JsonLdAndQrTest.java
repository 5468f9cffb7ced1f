package org.healthportal.cms.site.control;

import org.healthportal.cms.content.entity.Reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.healthportal.cms.testsupport.QrImages;
import org.junit.jupiter.api.Test;

class JsonLdAndQrTest {

    @Test
    void medicalWebPageCarriesTheReviewAndDates() {
        ArticleView a = new ArticleView(7L, "x", 9L, "标题 \"</script><script>alert(1)</script>", "摘要", "<p>b</p>", 3L,
                Instant.parse("2025-07-01T02:00:00Z"), Instant.parse("2025-06-30T16:30:00Z"), "王医生", "主任医师",
                "示例医院", 1, "免责声明", null, null, Instant.parse("2025-06-30T16:30:00Z"), null, "编辑部", "李编辑",
                "成年读者", List.of(new org.healthportal.cms.content.entity.Reference("中国脑卒中早期康复治疗指南",
                        "中华神经科杂志", 2017, "10.3760/cma.j.issn.1006-7876.2017.06.002")), false);
        String json = JsonLd.medicalWebPage(a, "https://h.example/articles/x", "站点",
                Instant.parse("2025-06-30T07:31:00Z"), List.of(), "https://h.example/", ZoneId.of("Asia/Shanghai"));
        assertFalse(json.contains("</script>"), json);
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        assertEquals("MedicalWebPage", o.getString("@type"));
        assertEquals("成年读者", o.getJsonObject("audience").getString("audienceType"));
        assertTrue(o.getJsonArray("citation").getJsonObject(0).getString("name").contains("康复治疗指南"));
        assertEquals("标题 \"</script><script>alert(1)</script>", o.getString("name"));
        assertEquals("王医生", o.getJsonObject("reviewedBy").getString("name"));
        assertEquals("示例医院", o.getJsonObject("reviewedBy").getJsonObject("affiliation").getString("name"));
        assertEquals("2025-07-01", o.getString("lastReviewed"), "the review date in the site's zone");
        assertEquals("2025-06-30T15:31:00+08:00", o.getString("datePublished"));
        assertEquals("2025-07-01T10:00:00+08:00", o.getString("dateModified"));
    }

    @Test
    void theQrCodeDecodesToTheUrl() throws Exception {
        String url = "https://health.example.cn/articles/zhenjiu-shenjing-kangfu";
        byte[] png = QrCodes.png(url, 160);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(160, image.getWidth());
        assertEquals(url, QrImages.decode(png));
    }

    @Test
    void everyAddressShapeDecodes() throws Exception {
        // Found on MariaDB in CI's order of slugs: one address in 200 failed ZXing's finder-pattern detector.
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            String url = "http://127.0.0.1:" + (30000 + random.nextInt(30000)) + "/articles/zhenjiu-cujin-shenjing-"
                    + Long.toString(random.nextLong() & 0xffffffffL, 36).substring(0, 1 + random.nextInt(5));
            assertEquals(url, QrImages.decode(QrCodes.png(url, 160)));
        }
    }
}
