package org.healthportal.cms.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What axe cannot see: the back office worked with the keyboard and heard through a screen reader's ears (the
 * accessible names Chromium computes). Chromium only: HtmlUnit has no focus drawing nor accessibility tree.
 */
class KeyboardAndScreenReaderIT {

    @Test
    void theFirstTabSkipsToTheContentAndFocusIsAlwaysVisible() {
        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "needs Chromium's focus and accessibility tree; CI requires it");
            new BackOffice(browser).login("editor");
            browser.go("/admin/articles.xhtml");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement skip = browser.driver().switchTo().activeElement();
            assertTrue(skip.getAttribute("class").contains("skip-link"), "the first Tab stop is the skip link");
            assertTrue(skip.isDisplayed() && skip.getRect().getY() >= 0, "and it shows once focused");
            skip.sendKeys(Keys.ENTER);
            assertEquals("main", browser.driver().switchTo().activeElement().getAttribute("id"), "Enter moves to the content");

            // Every Tab stop of the next twenty shows where it is: an outline or a ring.
            for (int i = 0; i < 20; i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                // Read at once in the page: the list's ajax may redraw the element just left.
                String ring = String.valueOf(browser.script("var e = document.activeElement, s = getComputedStyle(e);"
                        + "return s.outlineStyle + ' ' + s.outlineWidth + ' | ' + s.boxShadow + ' | ' + e.tagName + '#' + e.id;"));
                assertFalse(ring.startsWith("none") && ring.contains("| none |"), "focus is visible: " + ring);
            }
        }
    }

    @Test
    void buttonsAreNamedByTheirTextAndIconsAreSilent() {
        long id = Articles.id(Articles.create(Articles.uniqueTitle("屏幕阅读器")));
        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "needs Chromium's accessibility tree; CI requires it");
            new BackOffice(browser).login("editor");
            for (String path : List.of("/admin/articles/edit.xhtml?id=" + id, "/admin/media.xhtml", "/admin/notifications.xhtml")) {
                browser.go(path);
                List<WebElement> buttons = browser.all(By.cssSelector("button, [role=button]"));
                assertFalse(buttons.isEmpty(), path);
                for (WebElement button : buttons) {
                    if (!button.isDisplayed()) {
                        continue;
                    }
                    String name = button.getAccessibleName();
                    assertFalse(name.isBlank(), path + ": a button without a name: " + button.getAttribute("outerHTML"));
                    assertTrue(name.codePoints().noneMatch(c -> c >= 0xE000 && c <= 0xF8FF),
                            path + ": an icon glyph in the name \"" + name + "\"");
                }
            }
            browser.go("/admin/articles/edit.xhtml?id=" + id);
            assertEquals("保存草稿", browser.find(By.id("editor:save")).getAccessibleName());
            assertEquals("加粗", browser.find(By.cssSelector(".ql-bold")).getAccessibleName());
            assertEquals("正文", browser.find(By.id("editor:body")).getAccessibleName());
        }
    }

    @Test
    void aDialogKeepsTheKeyboardAndGivesItBack() {
        long id = Articles.id(Articles.create(Articles.uniqueTitle("对话框焦点")));
        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "needs Chromium's focus handling; CI requires it");
            new BackOffice(browser).login("editor");
            browser.go("/admin/articles/edit.xhtml?id=" + id);
            WebElement opener = browser.find(By.id("editor:preview"));
            opener.sendKeys(Keys.ENTER);
            browser.waitForAjax();
            browser.waitUntil(d -> d.findElement(By.id("editor:previewDialog")).isDisplayed());
            browser.waitUntil(d -> inside(browser, "editor:previewDialog"));
            for (int i = 0; i < 8; i++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                assertTrue(inside(browser, "editor:previewDialog"), "Tab stays in the open dialog (" + i + ")");
            }
            Object remembered = browser.script("var w = PF('previewDialog'), e = w.focusedElementBeforeDialogOpened;"
                    + " return (e ? e.tagName + '#' + e.id + (e.isConnected ? '' : ' (detached)') : 'nothing')"
                    + " + ', opener id ' + w.openerId");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.waitUntil(d -> !d.findElement(By.id("editor:previewDialog")).isDisplayed());
            try {
                browser.waitUntil(d -> "editor:preview".equals(d.switchTo().activeElement().getAttribute("id")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the focus went back to " + browser.script(
                        "var a = document.activeElement; return a ? a.outerHTML.substring(0, 300) : 'nothing'")
                        + "; the dialog had remembered " + remembered, e);
            }
        }
    }

    @Test
    void aRefusedSaveNamesItsFieldAndTheWorkIsAnnouncedPolitely() {
        long id = Articles.id(Articles.create(Articles.uniqueTitle("表单错误")));
        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "needs Chromium's focus handling; CI requires it");
            BackOffice office = new BackOffice(browser).login("editor");
            WebElement announcer = browser.find(By.id("ajaxAnnouncer"));
            assertEquals("status", announcer.getAttribute("role"), "a polite live region is on the page from the start");
            assertEquals("polite", announcer.getAttribute("aria-live"));

            BackOffice.Editor editor = office.editArticle(id);
            editor.title("");
            browser.clickAjax(By.id("editor:save"));
            WebElement title = browser.find(By.id("editor:title"));
            browser.waitUntil(d -> "true".equals(d.findElement(By.id("editor:title")).getAttribute("aria-invalid")));
            title = browser.find(By.id("editor:title"));
            assertTrue(String.valueOf(title.getAttribute("aria-describedby")).contains("messages"),
                    "the field is described by the message that says why");
            assertTrue(browser.text(By.id("messages")).contains("标题"), browser.text(By.id("messages")));
            assertEquals("editor:title", browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the keyboard is on the field at fault");
            assertNotEquals("", title.getAccessibleName());

            editor.title("改好的标题").save();
            assertFalse("true".equals(browser.find(By.id("editor:title")).getAttribute("aria-invalid")),
                    "a save that passes clears the mark");
        }
    }

    private static boolean inside(Browser browser, String containerId) {
        return Boolean.TRUE.equals(browser.script(
                "return document.getElementById(arguments[0]).contains(document.activeElement);", containerId));
    }
}
