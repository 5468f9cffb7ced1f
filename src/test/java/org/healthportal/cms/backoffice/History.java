package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An article's history: its revisions, newest first, each earlier one with "restore as new draft", and its audit trail. */
final class History {

    static final String PATH = "/admin/articles/history.xhtml?id=";

    private static final By RESTORE = By.cssSelector("[id$=':restore']");

    private final BackOffice office;
    private final Browser browser;

    History(BackOffice office) {
        this.office = office;
        this.browser = office.browser();
    }

    History open(long articleId) {
        browser.go(PATH + articleId);
        return this;
    }

    String revisions() {
        return browser.text(By.id("history:revisions"));
    }

    String events() {
        return browser.text(By.id("history:events"));
    }

    /** Restores the earliest revision (the last row) as a new draft; the editor opens with it. */
    BackOffice.Editor restoreEarliest() {
        browser.find(RESTORE);
        java.util.List<WebElement> restore = browser.all(RESTORE);
        restore.get(restore.size() - 1).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/admin/articles/edit.xhtml"));
        browser.waitForPage();
        return office.new Editor();
    }
}
