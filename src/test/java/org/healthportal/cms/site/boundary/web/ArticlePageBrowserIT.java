package org.healthportal.cms.site.boundary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public article page in a browser, at a desktop and a phone width: every part a reader expects is there and
 * visible, the phone layout is one column without sideways scrolling, and printing leaves out the navigation.
 * Screenshots go to target/screenshots (Chromium; HtmlUnit checks the same parts without a layout).
 */
class ArticlePageBrowserIT {

    @Test
    void theArticlePageShowsEveryPartOnADesktopAndOnAPhone() {
        String title = Articles.uniqueTitle("针灸促进神经损伤后功能恢复");
        long id = Articles.id(Articles.create(title));
        Api.Response saved = Api.as("editor").put("/api/articles/" + id, Articles.json(title,
                "针灸治疗可以促进神经损伤后的功能恢复。",
                "<h2>1、改善局部微循环</h2><p>针刺穴位可能改善局部血液循环。</p>"
                        + "<h2>2、调节神经功能</h2><p>配合康复训练，效果因人而异。</p>",
                Articles.categoryId(), Api.as("editor").get("/api/articles/" + id).json()
                        .getJsonNumber("version").longValue()).toString());
        assertEquals(200, saved.status(), saved.toString());
        Articles.ok(Articles.transition("editor", id, "submit"));
        Articles.ok(Articles.transition("reviewer", id, "approve"));
        JsonObject live = Articles.ok(Articles.transition("editor", id, "publish"));
        String path = live.getString("publicUrl").replaceFirst("^https?://[^/]+", "");

        try (Browser browser = Browser.open()) {
            browser.resize(1366, 900);
            browser.go(path);
            assertVisibleParts(browser, title);
            if (browser.isChromium()) {
                assertTrue(rect(browser, ".article-aside", "left") > rect(browser, "article.article", "left"),
                        "desktop: the QR code beside the article");
                assertTrue((Boolean) browser.script("const img = document.querySelector('.qr img');"
                        + " return img.complete && img.naturalWidth > 0;"), "the QR image loaded");
            }
            browser.screenshot("article-desktop");

            browser.resize(390, 844);
            browser.go(path);
            assertVisibleParts(browser, title);
            if (browser.isChromium()) {
                assertTrue(rect(browser, ".article-aside", "top") >= rect(browser, "article.article", "bottom"),
                        "phone: one column, the QR code after the article");
                assertTrue((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"),
                        "phone: nothing wider than the screen");
            }
            browser.screenshot("article-phone");

            if (browser.isChromium()) {
                ((org.openqa.selenium.chromium.ChromiumDriver) browser.driver()).executeCdpCommand(
                        "Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
                assertFalse(browser.find(By.cssSelector(".site-header")).isDisplayed(), "print: no navigation");
                assertFalse(browser.find(By.cssSelector(".related")).isDisplayed(), "print: no related list");
                assertTrue(browser.find(By.cssSelector(".disclaimer")).isDisplayed(), "print: the disclaimer stays");
                assertTrue(browser.find(By.cssSelector(".print-url")).isDisplayed(), "print: the page's address");
                browser.screenshot("article-print");
            }
        }
    }

    private static void assertVisibleParts(Browser browser, String title) {
        WebElement breadcrumb = browser.find(By.cssSelector("nav.breadcrumb"));
        assertTrue(breadcrumb.isDisplayed());
        assertTrue(breadcrumb.getText().contains("首页") && breadcrumb.getText().contains("针刺疗法")
                && breadcrumb.getText().contains("正文"), breadcrumb.getText());
        assertEquals(title, browser.text(By.cssSelector("h1.title")));
        assertTrue(browser.text(By.cssSelector("p.meta")).matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"),
                "the publish time");
        assertTrue(browser.text(By.cssSelector(".reviewed")).contains("审核"), "the reviewer line");
        assertTrue(browser.text(By.cssSelector("p.lead")).contains("促进神经损伤"));
        List<String> sections = browser.all(By.cssSelector(".body h2")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("1、改善局部微循环", "2、调节神经功能"), sections);
        String trust = browser.text(By.cssSelector("#trust"));
        assertTrue(trust.contains("测试编辑部") && trust.contains("李编辑") && trust.contains("成年读者")
                && trust.contains("针灸学"), trust);
        assertTrue(browser.find(By.cssSelector(".disclaimer")).isDisplayed(), "the disclaimer");
        assertTrue(browser.find(By.cssSelector(".cta")).isDisplayed(), "the call to action");
        assertTrue(browser.text(By.cssSelector(".qr")).contains("手机"), "scan to continue on your phone");
        assertTrue(browser.find(By.cssSelector(".qr img")).getAttribute("alt").length() > 0);
        assertFalse(browser.all(By.cssSelector(".related .teaser")).isEmpty(), "related articles");
        assertFalse(browser.all(By.cssSelector(".latest .teaser")).isEmpty(), "latest articles");
        assertEquals("zh-CN", browser.find(By.tagName("html")).getAttribute("lang"));
    }

    private static double rect(Browser browser, String selector, String side) {
        return ((Number) browser.script("return document.querySelector(arguments[0]).getBoundingClientRect()[arguments[1]];",
                selector, side)).doubleValue();
    }
}
