package org.healthportal.cms.backoffice;

import org.healthportal.cms.testsupport.Browser;
import org.openqa.selenium.By;

/** The accounts screen (admins only): the new-account form, the list, and one account's edit panel. */
final class Accounts {

    static final String PATH = "/admin/accounts.xhtml";

    private final BackOffice office;
    private final Browser browser;

    Accounts(BackOffice office) {
        this.office = office;
        this.browser = office.browser();
    }

    Accounts open() {
        browser.go(PATH);
        return this;
    }

    /** Fills the new-account form with one role (by its place in the list) and sends it. */
    Accounts create(String username, String displayName, String password, int role) {
        return create(username, displayName, null, password, role);
    }

    /** The same, with an e-mail address. */
    Accounts create(String username, String displayName, String email, String password, int role) {
        browser.type(By.id("accounts:username"), username);
        browser.type(By.id("accounts:displayName"), displayName);
        if (email != null) {
            browser.type(By.id("accounts:email"), email);
        }
        browser.type(By.id("accounts:password"), password);
        office.tick("accounts:roles:" + role);
        browser.clickAjax(By.id("accounts:create"));
        return this;
    }

    /** After a refusal: types another password into the form, which kept the rest, and sends it again. */
    Accounts createWithPassword(String password) {
        browser.type(By.id("accounts:password"), password);
        browser.clickAjax(By.id("accounts:create"));
        return this;
    }

    /** Whether the new-account form is there (it is not for those who may not manage accounts). */
    boolean canCreate() {
        return browser.exists(By.id("accounts:create"));
    }

    String list() {
        return browser.text(By.id("accounts:list"));
    }

    /** One account's row in the list. */
    String row(String username) {
        return browser.text(By.cssSelector("tr.account-" + username));
    }

    /** Opens the edit panel of one account. */
    Accounts edit(String username) {
        browser.clickAjax(By.cssSelector("tr.account-" + username + " button[id$=':edit']"));
        return this;
    }

    /** In the edit panel: clears "enabled". */
    Accounts disable() {
        office.untick("accounts:enabled_input");
        return this;
    }

    /** Saves the edit panel. */
    Accounts save() {
        browser.clickAjax(By.id("accounts:saveAccount"));
        return this;
    }
}
