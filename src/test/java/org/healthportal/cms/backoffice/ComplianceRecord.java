package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** A published article's compliance record: what was published, approved by whom with which credentials. */
final class ComplianceRecord {

    static final String PATH = "/admin/articles/compliance.xhtml?id=";

    private final Browser browser;

    ComplianceRecord(BackOffice office) {
        this.browser = office.browser();
    }

    ComplianceRecord open(long articleId) {
        browser.go(PATH + articleId);
        return this;
    }

    String text() {
        return browser.text(By.id("record"));
    }
}
