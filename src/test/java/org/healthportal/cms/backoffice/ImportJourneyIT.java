package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.healthportal.cms.testsupport.Browser;
import org.healthportal.cms.testsupport.WxrExports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** An admin moves a WordPress site in from the back office: upload, progress, report, then the drafts. */
class ImportJourneyIT {

    @TempDir
    Path dir;

    private final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void anAdminUploadsAnExportFollowsItAndFindsTheDraftsWithWhatNeedsWork() throws Exception {
        String site = "https://journey-" + run + ".example.cn";
        String claimed = "拔罐能根治颈椎病吗 " + run;
        String plain = "拔罐前后的护理 " + run;
        Path export = WxrExports.site(site)
                .author("editor", "李医生")
                .category("cupping-" + run, "拔罐", "")
                .attachment(71, 61, "2022/05/cup.png", "玻璃火罐")
                .item(61, "post", "publish", claimed, "cupping-cure-" + run, "editor",
                        "<p>有人说拔罐可以根治颈椎病。</p>\n\n[contact-form-7 id=\"3\"]<img class=\"wp-image-71\" src=\"" + site
                                + "/wp-content/uploads/2022/05/cup-150x150.png\" alt=\"\">", "", Instant.parse("2022-05-06T01:02:03Z"),
                        List.of("cupping-" + run), List.of("拔罐"), 0)
                .item(62, "post", "publish", plain, "cupping-care-" + run, "editor", "<p>拔罐后注意保暖。</p>", "",
                        Instant.parse("2022-05-07T01:02:03Z"), List.of("cupping-" + run), List.of(), 0)
                .item(63, "revision", "inherit", "旧稿", "61-revision-v1", "editor", "<p>旧</p>", "", null, List.of(),
                        List.of(), 0)
                .write(dir.resolve("wordpress-" + run + ".xml"));
        Path zip = WxrExports.uploadsZip(dir.resolve("uploads.zip"), Map.of("2022/05/cup.png",
                WxrExports.png(60, 60, Color.BLUE)));

        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            WordPressImportScreen screen = office.wordPressImport().start(export, zip);
            assertTrue(browser.url().contains("job="), "the screen follows the job: " + browser.url());
            screen.waitUntilEnded();
            assertEquals("已完成", screen.status());
            assertEquals("100", screen.progressValue());
            assertTrue(screen.counts().startsWith("创建 2 篇草稿") && screen.counts().contains("跳过 1 项"), screen.counts());
            assertTrue(screen.counts().contains("图片导入 1 张"), screen.counts());
            String report = screen.report();
            assertTrue(report.contains("根治"), "the claims findings are in the report: " + report);
            assertTrue(report.contains("editor") && report.contains("按登录名"), "the author mapping: " + report);
            assertTrue(report.contains("修订版本") && report.contains("短代码 [contact-form-7] 已略去"),
                    "what was skipped and dropped, in the screen's language: " + report);

            // Back later: the newest import heads the list of recent ones, its report a click away.
            office.wordPressImport();
            browser.clickAndWaitForPage(By.cssSelector("#recent a"));
            screen.waitUntilEnded();
            assertTrue(screen.report().contains(claimed), screen.report());

            // The editors take it from there: the list says which draft has wording to check, the draft shows it.
            office.logout();
            office.login("editor");
            ArticleList list = office.articles().search(run).waitUntilListing(2);
            String rows = browser.text(By.cssSelector(".articles-table"));
            assertTrue(rows.contains(claimed) && rows.contains(plain), rows);
            assertTrue(rows.contains("1 处说法待核实"), "the list says which draft has wording to check: " + rows);
            assertEquals(1, browser.all(By.cssSelector(".claims-count")).size(), rows);
            assertEquals(2, list.count());
            browser.clickAndWaitForPage(By.linkText(claimed));
            assertTrue(browser.text(By.id("editor:claims")).contains("根治"), "the draft opens with its findings");
            assertTrue(browser.exists(By.cssSelector(".finding mark.claim")));
        }
    }

    @Test
    void aBrokenFileIsRefusedOnTheFormAndOnlyAdminsSeeTheScreen() throws Exception {
        String xml = WxrExports.site("https://broken-" + run + ".example.cn").category("x-" + run, "坏", "").xml();
        Path broken = Files.writeString(dir.resolve("broken.xml"), xml.substring(0, xml.length() - 30));
        try (Browser browser = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("admin");
            office.wordPressImport().start(broken, null);
            String messages = office.messages();
            assertTrue(messages.contains("文件格式有误") && messages.contains("行") && messages.contains("未导入任何内容"),
                    messages);
            assertFalse(browser.url().contains("job="), browser.url());
            office.logout();
            office.login("editor");
            browser.go(WordPressImportScreen.PATH);
            assertTrue(office.pageText().contains("无权访问"), office.pageText());
            assertFalse(browser.exists(By.id("navImport")));
        }
    }
}
