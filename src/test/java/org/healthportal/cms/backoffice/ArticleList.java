package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The article list with its filters; the filters apply as one types or picks. */
final class ArticleList {

    static final String PATH = "/admin/articles.xhtml";

    private static final By ARTICLE = By.cssSelector(".article-link");

    private final Browser browser;

    ArticleList(BackOffice office) {
        this.browser = office.browser();
    }

    ArticleList open() {
        browser.go(PATH);
        return this;
    }

    /** Types into the text filter. */
    ArticleList search(String text) {
        browser.type(By.id("articles:text"), text);
        return this;
    }

    /** Chooses a category in the filter by clicking its row in the tree picker. */
    ArticleList category(String path) {
        browser.pick("articles:category", path);
        return this;
    }

    /** Waits until the list shows exactly this many articles (the filter answers by ajax). */
    ArticleList waitUntilListing(int articles) {
        browser.waitUntil(d -> d.findElements(ARTICLE).size() == articles);
        return this;
    }

    /** The first listed article's link text. */
    String firstTitle() {
        return browser.text(ARTICLE);
    }

    int count() {
        return browser.all(ARTICLE).size();
    }

    boolean isEmpty() {
        return browser.all(ARTICLE).isEmpty();
    }
}
