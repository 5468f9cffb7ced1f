package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The sign-ins screen: the sign-in blocks in force, each liftable, and the recent attempts. */
final class SignIns {

    static final String PATH = "/admin/sign-ins.xhtml";

    private final Browser browser;

    SignIns(BackOffice office) {
        this.browser = office.browser();
    }

    SignIns open() {
        browser.go(PATH);
        return this;
    }

    /** The row of the block that names this account. */
    String blockFor(String username) {
        return browser.text(block(username));
    }

    boolean hasBlockFor(String username) {
        return !browser.all(block(username)).isEmpty();
    }

    /** Lifts the block that names this account. */
    SignIns lift(String username) {
        browser.clickAjax(By.xpath("//tbody[@id='signins:blocks_data']/tr[contains(., '" + username + "')]//button"));
        return this;
    }

    private static By block(String username) {
        return By.xpath("//tbody[@id='signins:blocks_data']/tr[contains(., '" + username + "')]");
    }
}
