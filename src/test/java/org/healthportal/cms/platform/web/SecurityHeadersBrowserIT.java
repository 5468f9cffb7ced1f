package org.healthportal.cms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthportal.cms.testsupport.Api;
import org.healthportal.cms.testsupport.Articles;
import org.healthportal.cms.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The policies in a real browser: the main back-office screens, the rich-text editor and the ajax round trips work
 * under PrimeFaces' nonce policy, and no page of either side triggers one CSP violation. A listener installed before
 * any page script records every {@code securitypolicyviolation}; an inline script injected into a public page shows
 * it hears them. Chromium only: HtmlUnit enforces no policy.
 */
class SecurityHeadersBrowserIT {

    private static final String LISTENER = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.cspViolations.push(e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile"
            + "    + ':' + e.lineNumber + ' ' + (e.sample || ''));"
            + "});";

    @Test
    void theMainScreensRunUnderTheirPoliciesWithoutAViolation() {
        String token = "csp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String slug = Articles.published(Articles.uniqueTitle("内容安全策略")).getString("slug");
        long draft = Articles.id(Articles.create(Articles.uniqueTitle("策略草稿")));
        long inReview = Articles.id(Articles.create(Articles.uniqueTitle("策略审核")));
        Articles.ok(Articles.transition("editor", inReview, "submit"));

        try (Browser browser = Browser.open()) {
            assumeTrue(browser.isChromium(), "CSP violations need Chromium (CMS_BROWSER=chromium); HtmlUnit enforces no policy");
            ((ChromiumDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", LISTENER));

            browser.go("/articles/" + slug);
            assertTrue(browser.find(By.cssSelector("h1.title")).isDisplayed());
            assertTrue((Boolean) browser.script("return document.styleSheets.length > 0"
                    + " && document.querySelector('.site-header').getBoundingClientRect().height > 0"), "styled");
            assertNoViolations(browser, "public article");
            browser.script("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                    + "document.body.appendChild(s);");
            browser.waitUntil(d -> !violations(browser).isEmpty());
            assertTrue(violations(browser).get(0).startsWith("script-src"), violations(browser).toString());
            assertNull(browser.script("return window.injected === true ? true : null;"), "the script did not run");

            browser.go("/");
            assertNoViolations(browser, "home page");
            browser.go("/search?q=" + token);
            assertNoViolations(browser, "search");

            login(browser, "editor");
            assertNoViolations(browser, "dashboard");

            browser.go("/admin/articles/edit.xhtml?id=" + draft);
            assertNoViolations(browser, "editor");
            browser.find(By.cssSelector("[id='editor:body'] .ql-editor")).click();
            browser.find(By.cssSelector("[id='editor:body'] .ql-editor")).sendKeys(Keys.END, " " + token);
            // Quill hands what the user typed to its form field when it loses the focus.
            browser.click(By.id("editor:title"));
            browser.waitUntil(d -> String.valueOf(browser.script(
                    "return document.getElementById('editor:body_input').value;")).contains(token));
            browser.click(By.id("editor:insertImage"));
            browser.waitUntil(d -> d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
            browser.click(By.cssSelector("[id='mediaForm:mediaPicker'] .ui-dialog-titlebar-close"));
            browser.waitUntil(d -> !d.findElement(By.id("mediaForm:mediaPicker")).isDisplayed());
            browser.clickAjax(By.id("editor:preview"));
            browser.waitUntil(d -> d.findElement(By.id("editor:previewDialog")).isDisplayed());
            assertTrue(browser.text(By.id("editor:previewPanel")).contains(token), "the preview shows the typed text");
            browser.click(By.cssSelector("[id='editor:previewDialog'] .ui-dialog-titlebar-close"));
            browser.clickAjax(By.id("editor:save"));
            assertNoViolations(browser, "editor after typing, media picker, preview and save");
            String body = Api.as("editor").get("/api/articles/" + draft).json().getString("body");
            assertTrue(body.contains(token), "Quill's text was saved: " + body);

            browser.clickAndWaitForPage(By.id("userForm:langEn"));
            assertTrue(browser.exists(By.id("userForm:langZh")), "the language link ran under the policy");
            assertNoViolations(browser, "dashboard in English");
            browser.clickAndWaitForPage(By.id("userForm:langZh"));
            browser.clickAndWaitForPage(By.id("userForm:logout"));
            assertTrue(browser.url().contains("/login.xhtml"), browser.url());
            assertNoViolations(browser, "sign-in page");

            login(browser, "reviewer");
            browser.go("/admin/articles/review.xhtml?id=" + inReview);
            assertTrue(browser.exists(By.id("review:approve")), "the review screen");
            assertNoViolations(browser, "review screen");
            browser.clickAndWaitForPage(By.id("userForm:logout"));

            login(browser, "admin");
            browser.go("/admin/accounts.xhtml");
            assertTrue(browser.exists(By.id("accounts:create")), "the accounts screen");
            assertNoViolations(browser, "accounts screen");
            browser.go("/admin/articles.xhtml");
            assertNoViolations(browser, "article list");
            browser.go("/admin/audit.xhtml");
            assertNoViolations(browser, "audit");
        }
    }

    private static void login(Browser browser, String username) {
        browser.go("/login.xhtml");
        browser.type(By.id("login:username"), username);
        browser.type(By.id("login:password"), username + "-demo");
        browser.clickAndWaitForPage(By.id("login:submit"));
        assertTrue(browser.exists(By.id("welcome")), "signed in as " + username + ": " + browser.url());
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Browser browser) {
        Object recorded = browser.script("return window.cspViolations || ['no listener on this page'];");
        return (List<String>) recorded;
    }

    private static void assertNoViolations(Browser browser, String where) {
        // One more round trip through the event loop, so violations queued during the page's load are counted.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; setTimeout(done, 0);");
        assertEquals(List.of(), violations(browser), where);
    }
}
