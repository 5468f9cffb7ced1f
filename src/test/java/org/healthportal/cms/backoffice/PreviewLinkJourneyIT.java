package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/** An editor shares a draft with an outside expert, who reads it in a browser that never signed in. */
class PreviewLinkJourneyIT {

    @Test
    void anEditorSharesAPreviewLinkThatABrowserWithoutASessionOpens() {
        String title = uniqueTitle("请外部专家审阅的草稿");
        long id = Articles.id(Articles.create(title));
        try (Browser browser = Browser.open(); Browser outsider = Browser.open()) {
            BackOffice office = new BackOffice(browser).login("editor");
            office.editArticle(id);
            PreviewLinks sharing = new PreviewLinks(office);
            assertTrue(sharing.list().contains("还没有预览链接"), sharing.list());
            String url = sharing.share(72, "请重点看第一节。");
            assertTrue(url.matches("https?://.+/preview/[A-Za-z0-9_-]{43}"), url);
            assertTrue(office.messages().contains("预览链接已生成"), office.messages());
            assertTrue(sharing.linkFieldIsReadOnly());
            assertTrue(Set.of("链接已复制。", "无法自动复制：链接已选中，请按 Ctrl+C 复制。").contains(sharing.copyByKeyboard()));
            browser.screenshot("preview-share");
            sharing.closeDialog();
            assertTrue(sharing.list().contains("有效") && sharing.list().contains("请重点看第一节。"), sharing.list());

            PreviewRecipient expert = new PreviewRecipient(outsider).open(url);
            // The page follows the recipient's browser: Chromium here asks for Chinese, HtmlUnit for English.
            boolean english = expert.english();
            assertTrue(expert.banner().contains(english ? "Preview — not published" : "预览 — 尚未发布"), expert.banner());
            assertTrue(expert.banner().contains(english ? "draft" : "草稿"), expert.banner());
            assertTrue(expert.banner().contains("请重点看第一节。"), expert.banner());
            assertEquals(title, expert.heading());
            assertTrue(expert.text().contains("改善局部微循环"), expert.text());
            assertFalse(expert.showsBackOffice());
            assertFalse(expert.hasCookies(), "no session, no cookie of any kind");
            outsider.screenshot("preview-recipient");

            sharing.revokeNewest();
            assertTrue(office.messages().contains("预览链接已撤销"), office.messages());
            assertTrue(sharing.list().contains("已撤销"), sharing.list());
            expert.open(url);
            assertTrue(expert.text().contains(english ? "This preview link has expired or was revoked"
                    : "此预览链接已过期或已撤销，请向发送者索取新链接"), expert.text());
        }
    }
}
