package org.healthportal.cms.backoffice;

import java.net.URI;
import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** Someone without an account who was sent a preview link: a browser of its own, no session. */
final class PreviewRecipient {

    private final Browser browser;

    PreviewRecipient(Browser browser) {
        this.browser = browser;
    }

    /** Opens the link on the test server (its url names cms.base-url, which may be another port). */
    PreviewRecipient open(String url) {
        browser.go(URI.create(url).getPath());
        return this;
    }

    /** True when the page came in English: the recipient's browser asked for English first (HtmlUnit does). */
    boolean english() {
        return "en".equals(browser.find(By.tagName("html")).getAttribute("lang"));
    }

    String banner() {
        return browser.text(By.id("previewBanner"));
    }

    String heading() {
        return browser.text(By.tagName("h1"));
    }

    String text() {
        return browser.text(By.tagName("body"));
    }

    boolean hasCookies() {
        return !browser.driver().manage().getCookies().isEmpty();
    }

    boolean showsBackOffice() {
        return browser.exists(By.cssSelector(".admin-header, .admin-main"));
    }
}
