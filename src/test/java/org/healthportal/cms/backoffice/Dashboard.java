package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The dashboard, where signing in lands: the welcome and the signed-in person's work queues. */
final class Dashboard {

    static final String PATH = "/admin/";

    private final Browser browser;

    Dashboard(BackOffice office) {
        this.browser = office.browser();
    }

    Dashboard open() {
        browser.go(PATH);
        return this;
    }

    /** Whether the page greets a signed-in person, which only the dashboard does. */
    boolean welcomes() {
        return browser.exists(By.id("welcome"));
    }

    String welcome() {
        return browser.text(By.id("welcome"));
    }

    /** One queue's text, by its key ("changesRequested", "awaitingMyReview" ...). */
    String queue(String key) {
        return browser.text(By.id("queue-" + key));
    }

    /** How many articles one queue counts, from its badge. */
    int queueCount(String key) {
        return Integer.parseInt(browser.text(By.cssSelector("#queue-" + key + " .badge")).strip());
    }
}
