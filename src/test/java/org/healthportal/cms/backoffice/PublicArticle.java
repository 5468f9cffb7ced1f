package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** A published article as readers see it on the public site, where a journey ends. */
final class PublicArticle {

    static final String PATH = "/articles/";

    private final Browser browser;

    PublicArticle(Browser browser) {
        this.browser = browser;
    }

    PublicArticle open(String slug) {
        browser.go(PATH + slug);
        return this;
    }

    String heading() {
        return browser.text(By.tagName("h1"));
    }

    String text() {
        return browser.text(By.tagName("body"));
    }
}
