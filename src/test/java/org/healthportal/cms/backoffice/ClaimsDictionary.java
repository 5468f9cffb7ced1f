package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The claims dictionary: the terms the claims check flags, added and removed by an admin. */
final class ClaimsDictionary {

    static final String PATH = "/admin/claims.xhtml";

    private final Browser browser;

    ClaimsDictionary(BackOffice office) {
        this.browser = office.browser();
    }

    ClaimsDictionary open() {
        browser.go(PATH);
        return this;
    }

    ClaimsDictionary add(String term) {
        browser.type(By.id("claims:term"), term);
        browser.clickAjax(By.id("claims:add"));
        return this;
    }

    /** Removes a term by the button in its row. */
    ClaimsDictionary remove(String term) {
        browser.clickAjax(By.xpath("//tr[td[normalize-space(.)='" + term + "']]//button"));
        return this;
    }

    String terms() {
        return browser.text(By.id("claims:terms"));
    }
}
