package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The mail screen (admins): SMTP settings, counts, the outbox with "retry now", and "send digests now". */
final class MailScreen {

    static final String PATH = "/admin/mail.xhtml";

    private final Browser browser;

    MailScreen(BackOffice office) {
        this.browser = office.browser();
    }

    MailScreen open() {
        browser.go(PATH);
        return this;
    }

    String smtp() {
        return browser.text(By.id("smtp"));
    }

    /** The outbox row whose subject holds this text. */
    String row(String subject) {
        return browser.text(By.xpath(subjectXpath(subject)));
    }

    MailScreen retry(String subject) {
        browser.clickAjax(By.xpath(subjectXpath(subject) + "//button[contains(@id, ':retry')]"));
        return this;
    }

    MailScreen sendDigests() {
        browser.clickAjax(By.id("mail:sendDigests"));
        return this;
    }

    private static String subjectXpath(String subject) {
        return "//tbody[@id='mail:messages_data']/tr[contains(., '" + subject + "')]";
    }
}
