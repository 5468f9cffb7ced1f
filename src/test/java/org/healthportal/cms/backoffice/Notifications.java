package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The notifications screen, and the unread count every back-office screen shows in its header. */
final class Notifications {

    static final String PATH = "/admin/notifications.xhtml";

    private final Browser browser;

    Notifications(BackOffice office) {
        this.browser = office.browser();
    }

    /** The header's unread count, 0 when it shows none. */
    static int unreadCount(Browser browser) {
        return browser.exists(By.id("userForm:unreadCount"))
                ? Integer.parseInt(browser.text(By.id("userForm:unreadCount")).replaceAll("\\D", "")) : 0;
    }

    /** Follows the header's link to this screen. */
    Notifications openFromHeader() {
        browser.clickAndWaitForPage(By.id("userForm:navNotifications"));
        return this;
    }

    /** The text of the entry that mentions {@code subject}. */
    String entryAbout(String subject) {
        return browser.text(entry(subject));
    }

    /** Opens the entry that mentions {@code subject}: it is marked read and its screen shows. */
    void follow(String subject) {
        browser.clickAndWaitForPage(By.xpath("//tbody[@id='inbox:list_data']/tr[contains(., '" + subject
                + "')]//a[contains(@class, 'notification-text')]"));
    }

    private static By entry(String subject) {
        return By.xpath("//tbody[@id='inbox:list_data']/tr[contains(., '" + subject + "')]");
    }
}
