package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The disclaimers screen: a new version of the disclaimer, and the versions so far. */
final class Disclaimers {

    static final String PATH = "/admin/disclaimers.xhtml";

    private final Browser browser;

    Disclaimers(BackOffice office) {
        this.browser = office.browser();
    }

    Disclaimers open() {
        browser.go(PATH);
        return this;
    }

    /** Types the Chinese text and saves it as a new version. */
    Disclaimers publishVersion(String textZh) {
        browser.type(By.id("disclaimers:textZh"), textZh);
        browser.clickAjax(By.id("disclaimers:publishVersion"));
        return this;
    }

    String versions() {
        return browser.text(By.id("disclaimers:versions"));
    }
}
