package org.healthportal.cms.backoffice;

import static org.healthportal.cms.testsupport.Articles.uniqueTitle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;

/**
 * The rich-text editor runs with {@code secure="true"} and writes the body into the page sanitized with the site's
 * policy: what PrimeFaces' own policy would strip (media-library images with their alt text, tables) is still
 * there when an editor opens the article, so saving it again loses nothing.
 */
class RichTextEditorIT {

    @Test
    void theEditorReceivesMediaImagesAndTablesAsStored() {
        String body = "<h2>穴位</h2><p><img src=\"/media/1/hegu.png\" alt=\"合谷穴位置\" /></p>"
                + "<table><tbody><tr><th scope=\"row\">合谷</th><td>手背</td></tr></tbody></table>";
        Api.Response created = Api.as("editor").post("/api/articles", Articles.json(uniqueTitle("编辑器"),
                "编辑器能否原样收到正文。", body, Articles.categoryId(), null).toString());
        assertEquals(201, created.status(), created.toString());
        long id = Articles.id(created.json());
        assertTrue(created.json().getString("body").contains("alt=\"合谷穴位置\""), created.body());

        try (Browser browser = Browser.open()) {
            new BackOffice(browser).login("editor");
            String cookie = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            Api.Response page = Api.anonymous().send(Api.anonymous().request("/admin/articles/edit.xhtml?id=" + id)
                    .header("Cookie", "JSESSIONID=" + cookie).GET());
            assertEquals(200, page.status());
            String html = page.body();
            int editor = html.indexOf("id=\"editor:body_editor\"");
            assertTrue(editor > 0, "the editor is rendered: " + html);
            String editorPart = html.substring(editor, html.indexOf("</div>", editor));
            assertTrue(editorPart.contains("<img src=\"/media/1/hegu.png\" alt=\"合谷穴位置\" />"), editorPart);
            assertTrue(editorPart.contains("<th scope=\"row\">合谷</th>"), editorPart);
            assertFalse(editorPart.contains("rel=\"nofollow\""), "not PrimeFaces' policy: " + editorPart);
        }
    }
}
