package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** Changing one's own password: the current one, the new one twice. */
final class ChangePassword {

    static final String PATH = "/admin/password.xhtml";

    private final Browser browser;

    ChangePassword(BackOffice office) {
        this.browser = office.browser();
    }

    ChangePassword open() {
        browser.go(PATH);
        return this;
    }

    ChangePassword change(String current, String replacement, String repeated) {
        browser.type(By.id("password:current"), current);
        browser.type(By.id("password:replacement"), replacement);
        browser.type(By.id("password:repeated"), repeated);
        browser.clickAjax(By.id("password:change"));
        return this;
    }
}
